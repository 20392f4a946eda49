package app.rungs.audit.service;

import app.rungs.shared.db.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/** Writes sign-ins, failed sign-ins and sign-outs to the audit log. */
@Component
class SecurityEventAuditor {

    private final AuditService audit;

    private static final Logger log = LoggerFactory.getLogger(SecurityEventAuditor.class);

    SecurityEventAuditor(AuditService audit) {
        this.audit = audit;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getSource()
                instanceof org.springframework.security.authentication.UsernamePasswordAuthenticationToken) {
            var name = event.getAuthentication().getName();
            audit.recordSecurityEvent(name, "LOGIN", "Signed in");
        }
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        var name = String.valueOf(event.getAuthentication().getName());
        try {
            audit.recordSecurityEvent(
                    name,
                    "LOGIN_FAILED",
                    "Sign-in failed: " + event.getException().getClass().getSimpleName());
        } catch (RuntimeException e) {
            // With the database down the event cannot be stored; failing here would turn the sign-in page's
            // "database unavailable" message into an error page.
            if (!DatabaseUnavailable.isCause(e)) {
                throw e;
            }
            log.warn("Failed sign-in of {} not audited: the database is unavailable", name);
        }
    }

    @EventListener
    void onLogout(LogoutSuccessEvent event) {
        audit.recordSecurityEvent(event.getAuthentication().getName(), "LOGOUT", "Signed out");
    }
}
