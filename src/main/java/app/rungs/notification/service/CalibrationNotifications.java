package app.rungs.notification.service;

import app.rungs.calibration.service.CalibrationPublished;
import app.rungs.calibration.service.CalibrationRoutes;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells engineers about calibration: their outcome once a session is published. Runs in the publishing transaction
 * (a plain listener), so a notification exists exactly when the publication commits.
 */
@Component
class CalibrationNotifications {

    private final NotificationService notifications;

    CalibrationNotifications(NotificationService notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void published(CalibrationPublished event) {
        for (var outcome : event.outcomes()) {
            tell(
                    outcome.personId(),
                    "Your " + event.cycle() + " calibration outcome",
                    outcome.summary(),
                    CalibrationRoutes.MY_OUTCOMES);
        }
    }

    /** In the app, and by email to those who keep this category on. */
    private void tell(Long personId, String title, String body, String link) {
        notifications.notify(personId, EmailCategory.CALIBRATION, title, body, link, null);
    }
}
