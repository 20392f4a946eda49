package app.rungs.feedback.service;

import app.rungs.feedback.domain.FeedbackAsk;
import app.rungs.feedback.domain.FeedbackRequest;
import app.rungs.notification.service.EmailCategory;
import app.rungs.notification.service.NotificationService;
import app.rungs.people.service.PersonCard;
import app.rungs.people.service.PersonDirectory;
import app.rungs.reminder.service.ReminderRequest;
import app.rungs.reminder.service.ReminderScheduler;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Tells people about feedback in the app and by email (category Feedback), in the caller's transaction: each peer
 * when asked (with reminders two days before and after the deadline until they respond), the requester when a peer
 * declines and when every peer has responded. Names the subject only to those who were asked about them.
 */
@Component
class FeedbackNotifier {

    /** The reminder subject type of one peer's part of a request (subject id: the ask's id). */
    static final String REMINDER_TYPE = "FEEDBACK_ASK";

    static final Duration DUE_SOON = Duration.ofDays(2);
    static final String LINK = "feedback";

    private final NotificationService notifications;
    private final ReminderScheduler reminders;
    private final PersonDirectory directory;

    FeedbackNotifier(NotificationService notifications, ReminderScheduler reminders, PersonDirectory directory) {
        this.notifications = notifications;
        this.reminders = reminders;
        this.directory = directory;
    }

    void asked(FeedbackRequest r, PersonCard subject, List<FeedbackAsk> asks) {
        var requester = directory.require(r.getRequesterId()).fullName();
        var about = r.getTopicNames().size() == 1 ? r.getTopicNames().getFirst() : String.join(", ", r.getTopicNames());
        for (var ask : asks) {
            notifications.notify(
                    ask.getPeerId(),
                    EmailCategory.FEEDBACK,
                    requester + " asks for your feedback on " + subject.fullName(),
                    "About: " + about + (r.getMessage() == null ? "" : "\n\n" + r.getMessage()),
                    LINK,
                    r.getDeadline());
            reminders.schedule(new ReminderRequest(
                    REMINDER_TYPE,
                    ask.getId(),
                    ask.getPeerId(),
                    "Feedback on " + subject.fullName(),
                    LINK,
                    r.getDeadline(),
                    DUE_SOON));
        }
    }

    void responded(FeedbackRequest r, FeedbackAsk ask, List<FeedbackAsk> all) {
        reminders.complete(REMINDER_TYPE, ask.getId(), ask.getPeerId());
        var subject = directory.require(r.getSubjectId()).fullName();
        if (ask.getDeclineReason() != null) {
            var peer = directory.require(ask.getPeerId()).fullName();
            notifications.notify(
                    r.getRequesterId(),
                    EmailCategory.FEEDBACK,
                    peer + " declined to give feedback on " + subject,
                    "Their reason: " + ask.getDeclineReason(),
                    LINK,
                    null);
        }
        if (all.stream().noneMatch(FeedbackAsk::isPending)) {
            notifications.notify(
                    r.getRequesterId(),
                    EmailCategory.FEEDBACK,
                    "Every colleague responded to your feedback request on " + subject,
                    all.stream().filter(a -> a.getDeclineReason() == null).count() + " answered, "
                            + all.stream()
                                    .filter(a -> a.getDeclineReason() != null)
                                    .count() + " declined.",
                    LINK,
                    null);
        }
    }
}
