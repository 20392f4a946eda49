package app.rungs.webhook.service;

import app.rungs.shared.security.SystemAuthorities;
import app.rungs.webhook.domain.WebhookSource;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The identity a delivery runs as once its signature checked out: "webhook:pagerduty" or "webhook:github" (what the
 * audit log names), holding {@link SystemAuthorities#EXTERNAL_EVIDENCE} and no role, so it can draft evidence and
 * find people by email, nothing else. Used only on the stateless webhook filter chain, never in a Vaadin request.
 */
final class WebhookIdentity {

    private WebhookIdentity() {}

    static <T> T call(WebhookSource source, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "webhook:" + source.path(),
                null,
                List.of(new SimpleGrantedAuthority(SystemAuthorities.EXTERNAL_EVIDENCE))));
        SecurityContextHolder.setContext(context);
        try {
            if (SecurityContextHolder.getContext().getAuthentication() != context.getAuthentication()) {
                throw new IllegalStateException("The webhook identity is for webhook deliveries, not user sessions");
            }
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
