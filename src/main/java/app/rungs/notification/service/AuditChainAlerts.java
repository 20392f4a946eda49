package app.rungs.notification.service;

import app.rungs.audit.service.AuditChainBroken;
import app.rungs.audit.service.ChainCheckKind;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells every enabled admin in the app when a verification finds the audit chain broken. */
@Component
class AuditChainAlerts {

    static final String AUDIT_LOG_ROUTE = "admin/audit";

    private final AccountService accounts;
    private final NotificationService notifications;

    AuditChainAlerts(AccountService accounts, NotificationService notifications) {
        this.accounts = accounts;
        this.notifications = notifications;
    }

    /**
     * A manual check runs for an admin, whose identity suffices; scheduled and start-up checks run on a background
     * thread with nobody signed in, so they alert as the system (a scheduled job, allowed by ArchitectureTest).
     */
    @EventListener
    void onBroken(AuditChainBroken broken) {
        if (broken.kind() == ChainCheckKind.MANUAL) {
            alertAdmins(broken);
        } else {
            SystemAuthentication.run(() -> alertAdmins(broken));
        }
    }

    private void alertAdmins(AuditChainBroken broken) {
        for (var admin : accounts.enabledAdminPersonIds()) {
            tell(
                    admin,
                    "Audit log integrity check failed",
                    broken.report().message() + " (" + broken.kind().name().toLowerCase(java.util.Locale.ROOT)
                            + " check)",
                    AUDIT_LOG_ROUTE);
        }
    }

    /** In the app, and by email to those who keep this category on. */
    private void tell(Long personId, String title, String body, String link) {
        notifications.notify(personId, EmailCategory.ADMIN_ALERTS, title, body, link, null);
    }
}
