package app.rungs.notification.service;

import app.rungs.evidence.domain.WaiverStatus;
import app.rungs.evidence.service.WaiverChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells a manager that someone of their line asks that a competency not apply to them, and the engineer what their
 * manager decided. Runs synchronously in the change's transaction (see docs/decisions/0012).
 */
@Component
class WaiverNotifications {

    private final NotificationService notifications;

    WaiverNotifications(NotificationService notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void on(WaiverChanged e) {
        if (e.status() == WaiverStatus.REQUESTED) {
            if (e.managerId() != null) {
                tell(
                        e.managerId(),
                        e.personName() + " asks that " + e.competencyName() + " not apply to them",
                        e.note(),
                        e.link());
            }
            return;
        }
        if (e.personId().equals(e.actorId())) {
            return; // nobody needs telling what they did themselves
        }
        var title = e.status() == WaiverStatus.APPROVED
                ? e.actorName() + " marked " + e.competencyName() + " not applicable to you"
                : e.actorName() + " declined your request to waive " + e.competencyName();
        tell(e.personId(), title, e.note(), "coverage");
    }

    /** In the app, and by email to those who keep this category on. */
    private void tell(Long personId, String title, String body, String link) {
        notifications.notify(personId, EmailCategory.REVIEW_ACTIVITY, title, body, link, null);
    }
}
