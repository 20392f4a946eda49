package app.rungs.notification.service;

import app.rungs.evidence.service.ExternalDraftArrived;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells an engineer that a draft arrived from PagerDuty or GitHub for them to review, complete and submit. Runs
 * synchronously in the draft's transaction (see docs/decisions/0012).
 */
@Component
class ExternalEvidenceNotifications {

    private final NotificationService notifications;

    ExternalEvidenceNotifications(NotificationService notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void on(ExternalDraftArrived e) {
        notifications.notify(
                e.personId(),
                EmailCategory.REVIEW_ACTIVITY,
                e.typeLabel() + " draft arrived from " + e.sourceName(),
                "\u201c" + e.title() + "\u201d is waiting in My evidence: add the competencies it supports and its"
                        + " impact, then submit it. It counts for nothing until you do.",
                "my-evidence",
                null);
    }
}
