package app.rungs.security;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Who may read {@code /actuator/prometheus}: only the addresses in {@code rungs.metrics.scrapers} (addresses and
 * CIDR ranges; default loopback). Prometheus scrapes each instance directly, never through the proxy, and needs no
 * account; the metrics carry no personal data but do describe the deployment, so nobody else reads them.
 */
final class MetricsScrapers implements AuthorizationManager<RequestAuthorizationContext> {

    private final List<IpAddressMatcher> allowed;

    MetricsScrapers(String addresses) {
        this.allowed = Arrays.stream(addresses.split(","))
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .map(IpAddressMatcher::new)
                .toList();
    }

    @Override
    public AuthorizationResult authorize(
            Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        var address = context.getRequest().getRemoteAddr();
        return new AuthorizationDecision(allowed.stream().anyMatch(m -> m.matches(address)));
    }
}
