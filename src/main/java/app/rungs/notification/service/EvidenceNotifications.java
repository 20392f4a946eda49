package app.rungs.notification.service;

import app.rungs.evidence.domain.EvidenceStatus;
import app.rungs.evidence.service.EvidenceReviewed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells engineers what reviewers did to their evidence. Runs synchronously in the review's transaction (see
 * docs/decisions/0012), so a notification exists exactly when the review was committed.
 */
@Component
class EvidenceNotifications {

    private final NotificationService notifications;

    EvidenceNotifications(NotificationService notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void on(EvidenceReviewed e) {
        if (e.ownerId().equals(e.reviewerId())) {
            return; // nobody needs telling what they did themselves
        }
        if (e.outcome() == EvidenceStatus.ACKNOWLEDGED) {
            tell(
                    e.ownerId(),
                    e.reviewerName() + " acknowledged \"" + e.title() + "\"",
                    e.note() == null ? "It now counts towards " + e.levelKey() + "." : e.note(),
                    e.link());
        } else {
            tell(e.ownerId(), e.reviewerName() + " returned \"" + e.title() + "\" for changes", e.note(), e.link());
        }
    }

    /** In the app, and by email to those who keep this category on. */
    private void tell(Long personId, String title, String body, String link) {
        notifications.notify(personId, EmailCategory.REVIEW_ACTIVITY, title, body, link, null);
    }
}
