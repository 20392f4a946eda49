package app.rungs.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in settings.
 *
 * @param trustedProxies IP addresses or CIDR ranges of reverse proxies whose {@code X-Forwarded-For} header is
 *     believed. Empty (the default): the header is ignored and the TCP peer is the source address. Throttling and the
 *     audit log use this address, so trusting a proxy that does not overwrite the header lets clients pick their own.
 */
@ConfigurationProperties("rungs.security")
public record SignInProperties(List<String> trustedProxies) {
    public SignInProperties {
        trustedProxies = trustedProxies == null
                ? List.of()
                : trustedProxies.stream()
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }
}
