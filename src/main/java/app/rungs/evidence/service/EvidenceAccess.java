package app.rungs.evidence.service;

import app.rungs.evidence.domain.CommentKind;
import app.rungs.evidence.domain.EvidenceAction;
import app.rungs.evidence.domain.EvidenceComment;
import app.rungs.evidence.domain.EvidenceCommentRepository;
import app.rungs.evidence.domain.EvidenceItem;
import app.rungs.evidence.domain.EvidenceItemRepository;
import app.rungs.evidence.domain.EvidenceRole;
import app.rungs.evidence.domain.EvidenceStatus;
import app.rungs.people.service.PeopleService;
import app.rungs.security.domain.Role;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import jakarta.persistence.OptimisticLockException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The checks every evidence job shares: which items and people the signed-in user may see (the owner their own,
 * managers their reporting line through {@link PeopleService#canSee}, admins everything; anything else answers
 * {@link NotFoundException}), how they relate to an item ({@link EvidenceRole}), stale versions and the conversation.
 */
@Component
class EvidenceAccess {

    private final EvidenceItemRepository items;
    private final EvidenceCommentRepository comments;
    private final PeopleService people;
    private final List<EvidenceReadGrant> grants;

    EvidenceAccess(
            EvidenceItemRepository items,
            EvidenceCommentRepository comments,
            PeopleService people,
            List<EvidenceReadGrant> grants) {
        this.items = items;
        this.comments = comments;
        this.people = people;
        this.grants = grants;
    }

    EvidenceItem visibleItem(Long id) {
        var item = items.findById(id).orElseThrow(() -> new NotFoundException("Evidence not found"));
        if (!isOwner(item) && (item.isUnsubmittedExternalDraft() || !people.canSee(item.getOwnerId()))) {
            // Same answer as for a missing item: ids of other people's evidence are not confirmed. A draft that
            // arrived from another system is its owner's alone until they submit it.
            throw new NotFoundException("Evidence not found");
        }
        return item;
    }

    EvidenceItem ownItem(Long id) {
        var item = visibleItem(id);
        if (!isOwner(item)) {
            throw new AccessDeniedException("Only the owner changes their evidence.");
        }
        return item;
    }

    EvidenceItem reviewableItem(Long id, long expectedVersion) {
        var item = visibleItem(id);
        checkReviewable(item, expectedVersion);
        return item;
    }

    void checkReviewable(EvidenceItem item, long expectedVersion) {
        if (!mayReview(item)) {
            throw new AccessDeniedException("Only a manager of the owner reviews their evidence.");
        }
        checkVersion(item, expectedVersion);
        if (item.getStatus() != EvidenceStatus.SUBMITTED) {
            throw new ValidationException("\"" + item.getTitle() + "\" is "
                    + item.getStatus().label().toLowerCase(Locale.ROOT) + ", not waiting for review.");
        }
    }

    /** Managers review items of people they may see, never their own. Visibility is checked before. */
    boolean mayReview(EvidenceItem item) {
        var me = CurrentUser.require();
        return me.has(Role.MANAGER) && !isOwner(item);
    }

    /** How the signed-in user relates to a visible item, for {@link EvidenceAction}. */
    Set<EvidenceRole> roles(EvidenceItem item) {
        var roles = EnumSet.of(EvidenceRole.VIEWER);
        if (isOwner(item)) {
            roles.add(EvidenceRole.OWNER);
        }
        if (mayReview(item)) {
            roles.add(EvidenceRole.REVIEWER);
        }
        return roles;
    }

    static boolean isOwner(EvidenceItem item) {
        return item.getOwnerId().equals(CurrentUser.require().personId());
    }

    static void checkVersion(EvidenceItem item, long expectedVersion) {
        if (item.getVersion() != expectedVersion) {
            throw new ConcurrentEditException("\"" + item.getTitle() + "\" (now "
                    + item.getStatus().label().toLowerCase(Locale.ROOT)
                    + (item.getReviewedBy() == null ? "" : " by " + item.getReviewedBy()) + ")");
        }
    }

    /** Flushes, turning a lost race with another transaction into the same message as a stale version. */
    void flush() {
        try {
            items.flush();
        } catch (ObjectOptimisticLockingFailureException | OptimisticLockException e) {
            throw new ConcurrentEditException("This evidence");
        }
    }

    Long visibleOwner(Long ownerId) {
        var me = CurrentUser.require();
        var id = ownerId == null ? me.personId() : ownerId;
        if (id == null) {
            throw new NotFoundException("You have no person record, so you have no evidence.");
        }
        if (!id.equals(me.personId()) && !people.canSee(id)) {
            throw new NotFoundException("Person not found");
        }
        return id;
    }

    void thread(EvidenceItem item, CommentKind kind, String body, Instant now) {
        var me = CurrentUser.require();
        comments.save(new EvidenceComment(item.getId(), kind, me.personId(), me.displayName(), body, now));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * Whether the signed-in user reads this person's acknowledged evidence and coverage only because an
     * {@link EvidenceReadGrant} vouches for it (false for the owner and those who see the person); not found for
     * anyone else.
     */
    boolean readsByGrantOnly(Long ownerId) {
        var me = CurrentUser.require();
        if (ownerId.equals(me.personId()) || people.canSee(ownerId)) {
            return false;
        }
        if (grants.stream().anyMatch(g -> g.grants(ownerId))) {
            return true;
        }
        throw new NotFoundException("Person not found");
    }
}
