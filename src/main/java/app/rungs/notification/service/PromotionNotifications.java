package app.rungs.notification.service;

import app.rungs.promotion.domain.CaseAction;
import app.rungs.promotion.service.CaseMoved;
import app.rungs.promotion.service.CaseNominated;
import app.rungs.promotion.service.PromotionRoutes;
import app.rungs.promotion.service.ReviewerAdded;
import app.rungs.shared.domain.DateTexts;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells people what happened to promotion cases they are part of. Runs synchronously in the promotion transaction
 * (see docs/decisions/0012), so a notification exists exactly when the change it announces was committed.
 */
@Component
class PromotionNotifications {

    /** Steps that send the engineer a message of their own; the generic "case moved" goes to the manager only. */
    private static final Set<CaseAction> OWN_ENGINEER_MESSAGE = EnumSet.of(
            CaseAction.ACCEPT,
            CaseAction.DECLINE,
            CaseAction.SUBMIT,
            CaseAction.APPROVE,
            CaseAction.NOT_YET,
            CaseAction.WITHDRAW);

    private final NotificationService notifications;

    PromotionNotifications(NotificationService notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void on(CaseNominated e) {
        var link = PromotionRoutes.promotionCase(e.caseId());
        if (!e.self()) {
            tell(
                    e.engineerId(),
                    e.nominatedByName() + " nominated you for " + e.targetLevelKey(),
                    "Your promotion case for the " + e.cycle()
                            + " cycle has been started. You can follow it in Promotions.",
                    link);
        } else if (e.managerId() != null) {
            tell(
                    e.managerId(),
                    e.engineerName() + " nominated themselves for " + e.targetLevelKey(),
                    "Accept the nomination to start the promotion packet, or decline it with a reason.",
                    link);
        }
    }

    @EventListener
    void on(ReviewerAdded e) {
        tell(
                e.reviewerId(),
                "Please review " + e.engineerName() + "'s promotion case",
                e.askedBy() + " asked you to review the case for " + e.targetLevelKey() + " (" + e.cycle()
                        + ") and sign it off.",
                PromotionRoutes.promotionCase(e.caseId()));
    }

    @EventListener
    void on(CaseMoved e) {
        tellWatchers(e);
        tellEngineer(e);
    }

    /**
     * Tells the engineer and the nominating manager that the case moved, except whoever moved it. Steps that send
     * the engineer a message of their own (see {@link #tellEngineer}) tell only the manager here.
     */
    private void tellWatchers(CaseMoved e) {
        var recipients = new LinkedHashSet<Long>();
        if (!OWN_ENGINEER_MESSAGE.contains(e.action())) {
            recipients.add(e.engineerId());
        }
        if (e.nominatedById() != null && e.action() != CaseAction.WITHDRAW) {
            recipients.add(e.nominatedById());
        }
        recipients.remove(e.actorId());
        var status = switch (e.action()) {
            case RETURN_TO_DRAFT -> "returned to Draft";
            case RETURN_TO_SUBMITTED -> "returned to Submitted";
            default -> "now " + e.status().label().toLowerCase(Locale.ROOT);
        };
        for (var personId : recipients) {
            boolean engineer = personId.equals(e.engineerId());
            // Notes on these steps are for the managers and the committee (a return's reason is not shown to the
            // engineer, see 0007), so the engineer hears only that the case moved.
            tell(
                    personId,
                    (engineer ? "Your promotion case" : e.engineerName() + "'s case") + " for " + e.targetLevelKey()
                            + " is " + status,
                    engineer || e.note() == null ? e.actorName() + " moved it." : e.actorName() + ": " + e.note(),
                    PromotionRoutes.promotionCase(e.caseId()));
        }
    }

    private void tellEngineer(CaseMoved e) {
        var link = PromotionRoutes.promotionCase(e.caseId());
        var level = e.targetLevelKey();
        switch (e.action()) {
            case ACCEPT ->
                tell(
                        e.engineerId(),
                        "Your self-nomination for " + level + " was accepted",
                        e.actorName() + " accepted it and is preparing your promotion packet.",
                        link);
            case DECLINE -> tell(e.engineerId(), "Your self-nomination for " + level + " was declined", e.note(), link);
            case SUBMIT ->
                tell(
                        e.engineerId(),
                        "Your promotion case for " + level + " was submitted",
                        "It now waits for calibration in the " + e.cycle() + " cycle.",
                        link);
            case APPROVE ->
                tell(
                        e.engineerId(),
                        "Congratulations — your promotion to " + level + " was approved",
                        "Effective " + DateTexts.date(e.effectiveDate()) + "."
                                + (e.note() == null ? "" : " " + e.note()),
                        link);
            case NOT_YET -> tell(e.engineerId(), "Promotion decision for " + level + ": not yet", e.note(), link);
            case WITHDRAW -> withdrawn(e, link);
            default -> {}
        }
    }

    /** The engineer's own withdrawal goes to their manager; anyone else's to the engineer. */
    private void withdrawn(CaseMoved e, String link) {
        if (e.engineerId().equals(e.actorId())) {
            if (e.engineerManagerId() != null) {
                tell(e.engineerManagerId(), e.engineerName() + " withdrew their promotion case", e.note(), link);
            }
        } else {
            tell(e.engineerId(), "Your promotion case for " + e.targetLevelKey() + " was withdrawn", e.note(), link);
        }
    }

    /** In the app, and by email to those who keep this category on. */
    private void tell(Long personId, String title, String body, String link) {
        notifications.notify(personId, EmailCategory.PROMOTION, title, body, link, null);
    }
}
