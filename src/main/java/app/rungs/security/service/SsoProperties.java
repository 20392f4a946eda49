package app.rungs.security.service;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How password sign-in lives next to single sign-on (the providers themselves are Spring Boot's standard
 * {@code spring.security.oauth2.client.*} properties).
 *
 * @param passwordLogin false: the sign-in page shows only the providers and passwords are refused, except for the
 *     break-glass accounts
 * @param breakGlassAccounts accounts that may always sign in with a password (at {@code /login?password}), so an
 *     admin can still get in when the provider is down or misconfigured; by default the initial admin
 */
@ConfigurationProperties("rungs.sso")
public record SsoProperties(Boolean passwordLogin, List<String> breakGlassAccounts) {

    public SsoProperties {
        passwordLogin = passwordLogin == null || passwordLogin;
        breakGlassAccounts = breakGlassAccounts == null || breakGlassAccounts.isEmpty()
                ? List.of("admin")
                : breakGlassAccounts.stream()
                        .map(String::strip)
                        .filter(name -> !name.isEmpty())
                        .toList();
    }

    /** Whether this account may sign in with its password now. */
    public boolean passwordAllowedFor(String username) {
        return passwordLogin
                || (username != null
                        && breakGlassAccounts.stream()
                                .anyMatch(name -> name.toLowerCase(Locale.ROOT)
                                        .equals(username.strip().toLowerCase(Locale.ROOT))));
    }
}
