package app.rungs.notification.service;

import app.rungs.reminder.service.ReminderDue;
import app.rungs.reminder.service.ReminderKind;
import app.rungs.shared.domain.DateTexts;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Delivers deadline reminders in the app and by email (category Reminders). Runs in the transaction that marks the
 * reminder sent, so a reminder is delivered exactly when it is recorded as sent.
 */
@Component
class ReminderNotifications {

    private final NotificationService notifications;

    ReminderNotifications(NotificationService notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void on(ReminderDue e) {
        var title = (e.kind() == ReminderKind.OVERDUE ? "Overdue: " : "Due soon: ") + e.title();
        var body = (e.kind() == ReminderKind.OVERDUE ? "This was due " : "This is due ") + DateTexts.dateTime(e.dueAt())
                + ".";
        notifications.notify(e.recipientId(), EmailCategory.REMINDERS, title, body, e.link(), e.dueAt());
    }
}
