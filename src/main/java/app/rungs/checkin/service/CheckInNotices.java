package app.rungs.checkin.service;

import app.rungs.checkin.domain.CheckIn;
import app.rungs.checkin.domain.Side;
import app.rungs.notification.service.EmailCategory;
import app.rungs.notification.service.NotificationService;
import app.rungs.reminder.service.ReminderRequest;
import app.rungs.reminder.service.ReminderScheduler;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * What the two participants hear of a check-in, in the app and by email (category {@link EmailCategory#CHECK_INS}),
 * and the deadline reminders of whoever has not submitted yet. Called inside the check-in service's transactions.
 */
@Component
class CheckInNotices {

    static final String REMINDER_SUBJECT = "CHECK_IN";
    static final Duration DUE_SOON_LEAD = Duration.ofDays(3);

    private final NotificationService notifications;
    private final ReminderScheduler reminders;

    CheckInNotices(NotificationService notifications, ReminderScheduler reminders) {
        this.notifications = notifications;
        this.reminders = reminders;
    }

    void started(CheckIn c, Side startedBy, String engineerName, String managerName) {
        var link = CheckInRoutes.checkIn(c.getId());
        for (var side : Side.values()) {
            var recipient = recipient(c, side);
            var title = side == Side.ENGINEER
                    ? "Your check-in with " + managerName + ": your ratings"
                    : "Check-in of " + engineerName + ": your ratings";
            reminders.schedule(new ReminderRequest(
                    REMINDER_SUBJECT, c.getId(), recipient, title, link, c.getDueAt(), DUE_SOON_LEAD));
        }
        var other = startedBy.other();
        var who = startedBy == Side.ENGINEER ? engineerName : managerName;
        notifications.notify(
                recipient(c, other),
                EmailCategory.CHECK_INS,
                who + " started a check-in with you",
                "Rate each competency on your own: neither of you sees the other's ratings until both have submitted.",
                link,
                c.getDueAt());
    }

    void submitted(CheckIn c, Side side, String engineerName, String managerName) {
        reminders.complete(REMINDER_SUBJECT, c.getId(), recipient(c, side));
        var link = CheckInRoutes.checkIn(c.getId());
        if (c.submitted(side.other())) {
            for (var s : Side.values()) {
                var other = s == Side.ENGINEER ? managerName : engineerName;
                notifications.notify(
                        recipient(c, s),
                        EmailCategory.CHECK_INS,
                        "Check-in ready to compare",
                        "You and " + other
                                + " have both submitted: see your ratings side by side and agree an outcome.",
                        link,
                        null);
            }
            return;
        }
        var who = side == Side.ENGINEER ? engineerName : managerName;
        notifications.notify(
                recipient(c, side.other()),
                EmailCategory.CHECK_INS,
                who + " submitted their check-in ratings",
                "Their ratings stay hidden until you submit yours.",
                link,
                c.getDueAt());
    }

    void agreed(CheckIn c, String managerName) {
        notifications.notify(
                c.getEngineerId(),
                EmailCategory.CHECK_INS,
                "Check-in agreed with " + managerName,
                "The agreed outcome of each competency is recorded; acknowledge it in the check-in.",
                CheckInRoutes.checkIn(c.getId()),
                null);
    }

    private static Long recipient(CheckIn c, Side side) {
        return side == Side.ENGINEER ? c.getEngineerId() : c.getManagerId();
    }
}
