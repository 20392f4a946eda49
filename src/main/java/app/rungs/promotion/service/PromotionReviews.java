package app.rungs.promotion.service;

import app.rungs.people.service.PersonDirectory;
import app.rungs.promotion.domain.CaseAction;
import app.rungs.promotion.domain.CommentKind;
import app.rungs.promotion.domain.PromotionCaseRepository;
import app.rungs.promotion.domain.PromotionComment;
import app.rungs.promotion.domain.PromotionCommentRepository;
import app.rungs.promotion.domain.PromotionReviewer;
import app.rungs.promotion.domain.PromotionReviewerRepository;
import app.rungs.promotion.domain.SignOff;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.service.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people around a promotion case: the reviewers an editor chooses (anyone active in the organization, by their
 * directory card), their sign-offs, and the comment thread with its committee notes the engineer never sees.
 */
@Service
public class PromotionReviews {

    static final int MAX_REVIEWERS = 8;

    private final CaseAccess access;
    private final PromotionCaseRepository cases;
    private final PromotionReviewerRepository reviewers;
    private final PromotionCommentRepository comments;
    private final PersonDirectory directory;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    PromotionReviews(
            CaseAccess access,
            PromotionCaseRepository cases,
            PromotionReviewerRepository reviewers,
            PromotionCommentRepository comments,
            PersonDirectory directory,
            ApplicationEventPublisher publisher,
            Clock clock) {
        this.access = access;
        this.cases = cases;
        this.reviewers = reviewers;
        this.comments = comments;
        this.directory = directory;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void addReviewer(Long id, long expectedVersion, Long personId) {
        var c = access.editable(id, expectedVersion).c();
        if (personId == null) {
            throw new ValidationException("Choose the reviewer.");
        }
        if (personId.equals(c.getEngineerId())) {
            throw new ValidationException(c.getEngineerName() + " cannot review their own case.");
        }
        var current = reviewers.findByCase(id);
        if (current.stream().anyMatch(r -> r.getPersonId().equals(personId))) {
            throw new ValidationException("That person already reviews this case.");
        }
        if (current.size() >= PromotionReviews.MAX_REVIEWERS) {
            throw new ValidationException("A case has at most " + PromotionReviews.MAX_REVIEWERS + " reviewers.");
        }
        // Reviewers are chosen across the organization (see reviewerCandidates), often outside the editor's line.
        var reviewer = directory.card(personId).orElse(null);
        if (reviewer == null || !reviewer.active()) {
            throw new ValidationException("Only active people of the organization can review a case.");
        }
        var now = Instant.now(clock);
        reviewers.save(new PromotionReviewer(id, personId, reviewer.fullName(), CurrentUser.actorName(), now));
        c.touch(now);
        cases.flush();
        access.audit(
                "PROMOTION_REVIEWER_ADDED",
                c,
                reviewer.fullName() + " reviews the case of " + c.getEngineerName(),
                null,
                Map.of("reviewer", personId));
        publisher.publishEvent(new ReviewerAdded(
                id,
                personId,
                c.getEngineerName(),
                c.getTargetLevelKey(),
                c.getCycle(),
                CurrentUser.require().displayName()));
    }

    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void removeReviewer(Long id, long expectedVersion, Long personId) {
        var c = access.editable(id, expectedVersion).c();
        var reviewer = reviewers
                .findByCaseAndPerson(id, personId)
                .orElseThrow(() -> new ValidationException("That person does not review this case."));
        reviewers.delete(reviewer);
        c.touch(Instant.now(clock));
        cases.flush();
        access.audit(
                "PROMOTION_REVIEWER_REMOVED",
                c,
                reviewer.getPersonName() + " no longer reviews the case of " + c.getEngineerName(),
                Map.of("reviewer", personId),
                null);
    }

    /** A reviewer of the case signs it off: approve, or concerns (with a comment). Can be changed until decided. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void signOff(Long id, SignOff verdict, String comment) {
        var visit = access.require(id, CaseAction.SIGN_OFF, null);
        var c = visit.c();
        if (verdict == null) {
            throw new ValidationException("Choose whether you approve or have concerns.");
        }
        if (verdict.needsComment() && (comment == null || comment.isBlank())) {
            throw new ValidationException("Describe your concerns so the committee can weigh them.");
        }
        CaseAccess.checkNoteLength(comment, "A sign-off comment");
        var me = CurrentUser.require().personId();
        var mine = visit.reviewers().stream()
                .filter(r -> r.getPersonId().equals(me))
                .findFirst()
                .orElseThrow();
        var before = mine.getSignOff();
        mine.signOff(verdict, CaseAccess.stripped(comment), Instant.now(clock));
        reviewers.flush();
        access.audit(
                "PROMOTION_SIGNED_OFF",
                c,
                mine.getPersonName() + " " + verdict.label().toLowerCase(Locale.ROOT) + " on the case of "
                        + c.getEngineerName(),
                before == null ? null : Map.of("signOff", before.name()),
                Map.of("signOff", verdict.name()));
    }

    /** Adds a comment, or a committee note that the engineer never sees. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public Long comment(Long id, CommentKind kind, String body) {
        var action = kind == CommentKind.COMMITTEE_NOTE ? CaseAction.COMMITTEE_NOTE : CaseAction.COMMENT;
        var c = access.require(id, action, body).c();
        CaseAccess.checkNoteLength(body, "A comment");
        var me = CurrentUser.require();
        var saved = comments.save(new PromotionComment(
                id,
                action == CaseAction.COMMITTEE_NOTE ? CommentKind.COMMITTEE_NOTE : CommentKind.COMMENT,
                me.personId(),
                me.displayName(),
                body.strip(),
                Instant.now(clock)));
        comments.flush();
        access.audit(
                action == CaseAction.COMMITTEE_NOTE ? "PROMOTION_COMMITTEE_NOTE" : "PROMOTION_COMMENTED",
                c,
                (action == CaseAction.COMMITTEE_NOTE ? "Committee note on" : "Comment on") + " the case of "
                        + c.getEngineerName(),
                null,
                null);
        return saved.getId();
    }
}
