package app.rungs.audit.service;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Writes sign-ins and sign-outs to the audit log, with the source address. Failed sign-ins are written, aggregated
 * per address and account, by the sign-in throttle in the security feature.
 */
@Component
class SecurityEventAuditor {

    private final AuditService audit;

    SecurityEventAuditor(AuditService audit) {
        this.audit = audit;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getSource()
                instanceof org.springframework.security.authentication.UsernamePasswordAuthenticationToken) {
            var name = event.getAuthentication().getName();
            audit.recordSecurityEvent(
                    name, "LOGIN", "Signed in" + from(event.getAuthentication().getDetails()));
        }
    }

    private static String from(Object details) {
        return details instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? " from " + web.getRemoteAddress()
                : "";
    }

    @EventListener
    void onLogout(LogoutSuccessEvent event) {
        audit.recordSecurityEvent(event.getAuthentication().getName(), "LOGOUT", "Signed out");
    }
}
