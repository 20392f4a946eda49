package app.rungs.audit.service;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/** Writes sign-ins, failed sign-ins and sign-outs to the audit log. */
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
            audit.recordSecurityEvent(name, "LOGIN", "Signed in");
        }
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        var name = String.valueOf(event.getAuthentication().getName());
        audit.recordSecurityEvent(
                name,
                "LOGIN_FAILED",
                "Sign-in failed: " + event.getException().getClass().getSimpleName());
    }

    @EventListener
    void onLogout(LogoutSuccessEvent event) {
        audit.recordSecurityEvent(event.getAuthentication().getName(), "LOGOUT", "Signed out");
    }
}
