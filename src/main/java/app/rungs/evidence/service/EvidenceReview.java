package app.rungs.evidence.service;

import app.rungs.audit.service.AuditService;
import app.rungs.evidence.domain.CommentKind;
import app.rungs.evidence.domain.EvidenceItem;
import app.rungs.evidence.domain.EvidenceItemRepository;
import app.rungs.evidence.domain.EvidenceStatus;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonDirectory;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviewing evidence: the review queue of a manager's reporting line, acknowledging and returning submitted items
 * (a manager with the owner in their line, never the owner), and the conversation about an item. Each review is
 * published as {@link EvidenceReviewed} so the owner's notifications follow in the same transaction.
 */
@Service
public class EvidenceReview {

    private final EvidenceItemRepository items;
    private final PeopleService people;
    private final PersonDirectory directory;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final EvidenceAccess access;

    EvidenceReview(
            EvidenceItemRepository items,
            PeopleService people,
            PersonDirectory directory,
            AuditService audit,
            ApplicationEventPublisher events,
            Clock clock,
            EvidenceAccess access) {
        this.items = items;
        this.people = people;
        this.directory = directory;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.access = access;
    }

    /** Items submitted by the signed-in manager's reporting line, oldest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('MANAGER')")
    public List<ReviewRow> reviewQueue(EvidenceFilter filter, Pageable page) {
        var me = CurrentUser.require().personId();
        if (me == null) {
            return List.of();
        }
        var sort = EvidenceQueries.sort(page.getSort(), Sort.by(Sort.Direction.ASC, "submittedAt", "id"));
        var found = items.findBy(
                        EvidenceQueries.awaitingReview(me, filter),
                        q -> q.slice(PageRequest.of(page.getPageNumber(), page.getPageSize(), sort)))
                .getContent();
        // Names, teams and levels of this page's owners only, in one statement.
        var owners = directory.cards(
                found.stream().map(EvidenceItem::getOwnerId).distinct().toList());
        return found.stream()
                .filter(e -> owners.containsKey(e.getOwnerId()))
                .map(e -> {
                    var owner = owners.get(e.getOwnerId());
                    return new ReviewRow(
                            e.getId(),
                            e.getOwnerId(),
                            owner.fullName(),
                            owner.teamName(),
                            owner.levelKey(),
                            e.getLadderId(),
                            e.getType(),
                            e.getTitle(),
                            e.getOccurredOn(),
                            e.getLevelKey(),
                            List.of(e.getCompetencyKeys()),
                            e.getRevision(),
                            e.getSubmittedAt(),
                            e.getVersion());
                })
                .toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('MANAGER')")
    public long reviewQueueCount(EvidenceFilter filter) {
        var me = CurrentUser.require().personId();
        return me == null ? 0 : items.count(EvidenceQueries.awaitingReview(me, filter));
    }

    /** Acknowledges a submitted item; the note is optional. */
    @Transactional
    @PreAuthorize("hasRole('MANAGER')")
    public void acknowledge(Long id, long expectedVersion, String note) {
        var item = access.reviewableItem(id, expectedVersion);
        acknowledge(item, note);
        access.flush();
    }

    /** Acknowledges several submitted items at once: all of them, or none when one was changed meanwhile. */
    @Transactional
    @PreAuthorize("hasRole('MANAGER')")
    public int acknowledgeAll(Map<Long, Long> expectedVersions) {
        if (expectedVersions.isEmpty()) {
            return 0;
        }
        var found = items.findAllByIds(expectedVersions.keySet()).stream()
                .collect(Collectors.toMap(EvidenceItem::getId, Function.identity()));
        for (var entry : expectedVersions.entrySet()) {
            var item = found.get(entry.getKey());
            if (item == null || !people.canSee(item.getOwnerId())) {
                throw new NotFoundException("Evidence not found");
            }
            access.checkReviewable(item, entry.getValue());
        }
        for (var item : found.values()) {
            acknowledge(item, null);
        }
        access.flush();
        return found.size();
    }

    private void acknowledge(EvidenceItem item, String note) {
        var now = Instant.now(clock);
        var text = EvidenceAccess.blankToNull(note);
        if (text != null && text.length() > EvidenceAuthoring.MAX_COMMENT) {
            throw new ValidationException("A note is at most " + EvidenceAuthoring.MAX_COMMENT + " characters long.");
        }
        item.acknowledge(access.roles(item), CurrentUser.require().displayName(), now);
        access.thread(item, CommentKind.ACKNOWLEDGED, text, now);
        audit.record(
                "EVIDENCE_ACKNOWLEDGED",
                "Evidence",
                item.getId(),
                "Acknowledged " + EvidenceSnapshots.describe(item) + (text == null ? "" : ": " + text),
                Map.of("status", EvidenceStatus.SUBMITTED.name()),
                Map.of("status", EvidenceStatus.ACKNOWLEDGED.name()));
        reviewed(item, text);
    }

    /** Lets others (the owner's notifications) react to a review, in this transaction. */
    private void reviewed(EvidenceItem item, String note) {
        var me = CurrentUser.require();
        events.publishEvent(new EvidenceReviewed(
                item.getId(),
                item.getOwnerId(),
                item.getTitle(),
                item.getLevelKey(),
                item.getStatus(),
                me.personId(),
                me.displayName(),
                note,
                MY_EVIDENCE_ROUTE));
    }

    /** Returns a submitted item to its owner; the comment saying what is missing is required. */
    @Transactional
    @PreAuthorize("hasRole('MANAGER')")
    public void returnForChanges(Long id, long expectedVersion, String comment) {
        var text = EvidenceAccess.blankToNull(comment);
        if (text == null) {
            throw new ValidationException("Say what is missing or should change when returning evidence.");
        }
        if (text.length() > EvidenceAuthoring.MAX_COMMENT) {
            throw new ValidationException(
                    "A comment is at most " + EvidenceAuthoring.MAX_COMMENT + " characters long.");
        }
        var item = access.reviewableItem(id, expectedVersion);
        var now = Instant.now(clock);
        item.returnForChanges(access.roles(item), CurrentUser.require().displayName(), text, now);
        access.thread(item, CommentKind.RETURNED, text, now);
        access.flush();
        audit.record(
                "EVIDENCE_RETURNED",
                "Evidence",
                id,
                "Returned " + EvidenceSnapshots.describe(item) + ": " + text,
                Map.of("status", EvidenceStatus.SUBMITTED.name()),
                Map.of("status", EvidenceStatus.RETURNED.name(), "comment", text));
        reviewed(item, text);
    }

    /** The engineer's own evidence page (the route of evidence.ui.MyEvidenceView). */
    static final String MY_EVIDENCE_ROUTE = "my-evidence";

    /** Adds to the conversation about an item; anyone who may see the item may comment. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void comment(Long id, String body) {
        var text = EvidenceAccess.blankToNull(body);
        if (text == null) {
            throw new ValidationException("Write a comment first.");
        }
        if (text.length() > EvidenceAuthoring.MAX_COMMENT) {
            throw new ValidationException(
                    "A comment is at most " + EvidenceAuthoring.MAX_COMMENT + " characters long.");
        }
        var item = access.visibleItem(id);
        var now = Instant.now(clock);
        access.thread(item, CommentKind.COMMENT, text, now);
        audit.record(
                "EVIDENCE_COMMENTED",
                "Evidence",
                id,
                "Commented on " + EvidenceSnapshots.describe(item),
                null,
                Map.of("comment", text));
    }
}
