package app.rungs.evidence.service;

import app.rungs.audit.service.AuditService;
import app.rungs.evidence.domain.AttachmentContentRepository;
import app.rungs.evidence.domain.CommentKind;
import app.rungs.evidence.domain.EvidenceAction;
import app.rungs.evidence.domain.EvidenceAttachment;
import app.rungs.evidence.domain.EvidenceAttachmentRepository;
import app.rungs.evidence.domain.EvidenceComment;
import app.rungs.evidence.domain.EvidenceCommentRepository;
import app.rungs.evidence.domain.EvidenceItem;
import app.rungs.evidence.domain.EvidenceItemRepository;
import app.rungs.evidence.domain.EvidenceRevision;
import app.rungs.evidence.domain.EvidenceRevisionRepository;
import app.rungs.evidence.domain.EvidenceRole;
import app.rungs.evidence.domain.EvidenceStatus;
import app.rungs.evidence.service.EvidenceDetails.Permissions;
import app.rungs.ladder.service.LadderContent;
import app.rungs.ladder.service.LadderService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonDetails;
import app.rungs.people.service.PersonRow;
import app.rungs.security.domain.Role;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.criteria.Predicate;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.InputStreamSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Promotion evidence: engineers log it against the competencies of their ladder, managers of their reporting line
 * review it.
 *
 * <p>Who sees what: the owner their own items, managers their reporting line's ({@link PeopleService#canSee}),
 * admins everything; anything else answers {@link NotFoundException}. Only the owner changes content; a manager with
 * the owner in their line (not the owner themselves) acknowledges or returns submitted items.
 *
 * <p>Status rules: DRAFT → SUBMITTED → ACKNOWLEDGED or RETURNED (with a comment); a returned item is edited and
 * submitted again. Editing a submitted item keeps it submitted. Editing an acknowledged item keeps the acknowledged
 * content as a revision snapshot and starts the next revision, as a draft or directly submitted, as the owner
 * chooses; until it is acknowledged again it no longer counts as acknowledged.
 */
@Service
public class EvidenceService {

    static final int MAX_COMPETENCIES = 8;
    static final int MAX_LINKS = 10;
    static final int MAX_ATTACHMENTS = 10;
    static final int MAX_LONG_TEXT = 20_000;
    static final int MAX_COMMENT = 4_000;

    private static final Map<String, String> SORTABLE = Map.of(
            "occurredOn", "occurredOn",
            "title", "title",
            "type", "type",
            "status", "status",
            "updatedAt", "updatedAt",
            "submittedAt", "submittedAt",
            "levelKey", "levelKey");

    private final EvidenceItemRepository items;
    private final EvidenceRevisionRepository revisions;
    private final EvidenceCommentRepository comments;
    private final EvidenceAttachmentRepository attachments;
    private final AttachmentContentRepository contents;
    private final PeopleService people;
    private final LadderService ladders;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    EvidenceService(
            EvidenceItemRepository items,
            EvidenceRevisionRepository revisions,
            EvidenceCommentRepository comments,
            EvidenceAttachmentRepository attachments,
            AttachmentContentRepository contents,
            PeopleService people,
            LadderService ladders,
            AuditService audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.items = items;
        this.revisions = revisions;
        this.comments = comments;
        this.attachments = attachments;
        this.contents = contents;
        this.people = people;
        this.ladders = ladders;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- reading

    /** Whose evidence and which ladder: the person (null for the signed-in user) with their published ladder. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Optional<EvidenceContext> context(Long personId) {
        var id = personId == null ? CurrentUser.require().personId() : personId;
        if (id == null) {
            return Optional.empty();
        }
        var person = people.details(id);
        if (person.ladderId() == null) {
            return Optional.empty();
        }
        return ladders.published(person.ladderId())
                .map(ladder -> new EvidenceContext(
                        person.id(),
                        person.fullName(),
                        person.levelKey(),
                        ladder.next(person.levelKey())
                                .map(LadderContent.LevelView::key)
                                .orElse(null),
                        ladder));
    }

    /** One page of a person's evidence (null for the signed-in user). */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<EvidenceRow> find(Long ownerId, EvidenceFilter filter, Pageable page) {
        var owner = visibleOwner(ownerId);
        var sort = sort(page.getSort(), Sort.by(Sort.Direction.DESC, "occurredOn", "id"));
        return items
                .findBy(
                        ownedBy(owner, filter),
                        q -> q.slice(PageRequest.of(page.getPageNumber(), page.getPageSize(), sort)))
                .stream()
                .map(EvidenceService::row)
                .toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public long count(Long ownerId, EvidenceFilter filter) {
        return items.count(ownedBy(visibleOwner(ownerId), filter));
    }

    /** How many of a person's items (null for the signed-in user) are in each status. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Map<EvidenceStatus, Long> statusCounts(Long ownerId) {
        var counts = new java.util.EnumMap<EvidenceStatus, Long>(EvidenceStatus.class);
        for (var s : EvidenceStatus.values()) {
            counts.put(s, 0L);
        }
        for (var row : items.countByStatus(visibleOwner(ownerId))) {
            counts.put((EvidenceStatus) row[0], (Long) row[1]);
        }
        return counts;
    }

    /** Items submitted by the signed-in manager's reporting line, oldest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('MANAGER')")
    public List<ReviewRow> reviewQueue(EvidenceFilter filter, Pageable page) {
        var line = reportingLine();
        if (line.isEmpty()) {
            return List.of();
        }
        var sort = sort(page.getSort(), Sort.by(Sort.Direction.ASC, "submittedAt", "id"));
        return items
                .findBy(
                        awaitingReview(line.keySet(), filter),
                        q -> q.slice(PageRequest.of(page.getPageNumber(), page.getPageSize(), sort)))
                .stream()
                .map(e -> {
                    var owner = line.get(e.getOwnerId());
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
        var line = reportingLine();
        return line.isEmpty() ? 0 : items.count(awaitingReview(line.keySet(), filter));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public EvidenceDetails details(Long id) {
        var item = visibleItem(id);
        var me = CurrentUser.require();
        boolean owner = isOwner(item);
        String ownerName =
                owner ? me.displayName() : people.details(item.getOwnerId()).fullName();
        var files = attachments.findByEvidence(id).stream()
                .map(a -> new EvidenceDetails.Attachment(
                        a.getId(), a.getFileName(), a.getMediaType(), a.getSizeBytes(), a.getUploadedAt()))
                .toList();
        var thread = comments.findByEvidence(id).stream()
                .map(c -> new EvidenceDetails.Comment(
                        c.getId(), c.getKind(), c.getAuthorName(), c.getBody(), c.getCreatedAt()))
                .toList();
        var history = revisions.findByEvidence(id).stream()
                .map(r -> new EvidenceDetails.Revision(
                        r.getRevision(),
                        r.getStatus(),
                        r.getRecordedAt(),
                        r.getRecordedBy(),
                        json.readValue(r.getSnapshot(), EvidenceDetails.Snapshot.class)))
                .toList();
        var status = item.getStatus();
        var roles = roles(item);
        var may = new Permissions(
                EvidenceAction.EDIT.allows(status, roles),
                EvidenceAction.SUBMIT.allows(status, roles),
                EvidenceAction.ACKNOWLEDGE.allows(status, roles),
                EvidenceAction.COMMENT.allows(status, roles),
                EvidenceAction.CHANGE_ATTACHMENTS.allows(status, roles),
                EvidenceAction.DELETE.allows(status, roles) && item.getRevision() == 1);
        return new EvidenceDetails(
                item.getId(),
                item.getOwnerId(),
                ownerName,
                item.getLadderId(),
                item.getType(),
                item.getTitle(),
                item.getOccurredOn(),
                item.getDescription(),
                item.getImpact(),
                item.getLevelKey(),
                List.of(item.getCompetencyKeys()),
                List.of(item.getLinks()),
                readDetails(item.getDetails()),
                status,
                item.getRevision(),
                item.getSubmittedAt(),
                item.getReviewedAt(),
                item.getReviewedBy(),
                item.getReviewComment(),
                item.getCreatedAt(),
                item.getUpdatedAt(),
                item.getVersion(),
                files,
                thread,
                history,
                may);
    }

    /**
     * How a person's evidence (null for the signed-in user) backs the expectations of a level (null for their next
     * level, or their own level at the top of the ladder).
     */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Coverage coverage(Long personId, String levelKey) {
        var id = personId == null ? CurrentUser.require().personId() : personId;
        if (id == null) {
            throw new NotFoundException("You have no person record, so there is no coverage to show.");
        }
        PersonDetails person = people.details(id);
        if (person.ladderId() == null) {
            throw new ValidationException(person.fullName() + " is not placed on a ladder yet.");
        }
        var ladder = ladders.published(person.ladderId())
                .orElseThrow(
                        () -> new ValidationException("The ladder of " + person.fullName() + " is not published."));
        var target = CoverageRules.target(ladder, person.levelKey(), levelKey);
        var position = CoverageRules.positions(ladder);
        var evidence = items.findByOwner(id);
        var lines = new ArrayList<Coverage.Line>();
        for (var r : ladder.requirementsOf(target.key())) {
            var refs = evidence.stream()
                    .filter(e ->
                            CoverageRules.counts(r, Arrays.asList(e.getCompetencyKeys()), e.getLevelKey(), position))
                    .map(e -> new Coverage.Ref(e.getId(), e.getTitle(), e.getType(), e.getStatus(), e.getLevelKey()))
                    .toList();
            lines.add(new Coverage.Line(
                    r.competency().key(),
                    r.competency().name(),
                    ladder.area(r.competency().areaKey())
                            .map(LadderContent.AreaView::name)
                            .orElse(""),
                    r.expectation().statement(),
                    r.definedAt().key(),
                    r.inherited(),
                    refs,
                    CoverageRules.state(refs.stream().map(Coverage.Ref::status).toList())));
        }
        return new Coverage(
                person.id(),
                person.fullName(),
                ladder.version().ladderName(),
                person.levelKey(),
                target,
                ladder.levels(),
                lines);
    }

    /** The bytes of an attachment, for those who may see its item. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public AttachmentDownload download(Long attachmentId) {
        var attachment =
                attachments.findById(attachmentId).orElseThrow(() -> new NotFoundException("Attachment not found"));
        var ownerId = items.findOwnerId(attachment.getEvidenceId())
                .orElseThrow(() -> new NotFoundException("Attachment not found"));
        if (!ownerId.equals(CurrentUser.require().personId()) && !people.canSee(ownerId)) {
            throw new NotFoundException("Attachment not found");
        }
        var content = contents.findById(attachmentId).orElseThrow(() -> new NotFoundException("Attachment not found"));
        return new AttachmentDownload(attachment.getFileName(), attachment.getMediaType(), content.getContent());
    }

    /** How many items exist at all; the demo seeds only an empty evidence log. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public long countAll() {
        return items.count();
    }

    // ---------------------------------------------------------------- changing

    /** Logs a new item for the signed-in engineer, as a draft or directly submitted. Returns its id. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public Long create(EvidenceInput input, boolean submit) {
        var me = CurrentUser.require();
        if (me.personId() == null) {
            throw new ValidationException("Only people of the organization log evidence; your account has no person.");
        }
        var person = people.details(me.personId());
        var ladder = ladderOf(person);
        var now = Instant.now(clock);
        var item = new EvidenceItem(person.id(), ladder.version().ladderId(), now);
        var roles = EnumSet.of(EvidenceRole.OWNER, EvidenceRole.VIEWER);
        apply(item, roles, input, ladder, submit, now);
        items.save(item);
        if (submit) {
            item.submit(roles, now);
            thread(item, CommentKind.SUBMITTED, null, now);
        }
        items.flush();
        audit.record(
                "EVIDENCE_CREATED",
                "Evidence",
                item.getId(),
                (submit ? "Logged and submitted " : "Logged ") + describe(item),
                null,
                snapshot(item));
        return item.getId();
    }

    /**
     * Changes an item's content. {@code submit} submits a draft or returned item in the same step; for an
     * acknowledged item it decides whether the new revision starts as a draft or submitted.
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void update(Long id, long expectedVersion, EvidenceInput input, boolean submit) {
        var item = ownItem(id);
        checkVersion(item, expectedVersion);
        var ladder = ladderOf(people.details(item.getOwnerId()));
        var before = snapshot(item);
        var now = Instant.now(clock);
        var was = item.getStatus();
        boolean submitting = submit && was != EvidenceStatus.SUBMITTED;
        if (was == EvidenceStatus.ACKNOWLEDGED) {
            revisions.save(new EvidenceRevision(
                    item.getId(),
                    item.getRevision(),
                    was,
                    json.writeValueAsString(snapshotRecord(item)),
                    now,
                    CurrentUser.actorName()));
        }
        var roles = roles(item);
        apply(item, roles, input, ladder, submitting || was == EvidenceStatus.SUBMITTED, now);
        if (was == EvidenceStatus.ACKNOWLEDGED) {
            item.startRevision(roles);
        }
        if (submitting) {
            item.submit(roles, now);
            thread(item, CommentKind.SUBMITTED, null, now);
        }
        flush();
        var action = was == EvidenceStatus.ACKNOWLEDGED
                ? "Started revision " + item.getRevision() + " of acknowledged "
                : "Edited ";
        audit.record(
                "EVIDENCE_EDITED",
                "Evidence",
                id,
                action + describe(item) + (submitting ? " and submitted it" : ""),
                before,
                snapshot(item));
    }

    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void submit(Long id, long expectedVersion) {
        var item = ownItem(id);
        checkVersion(item, expectedVersion);
        if (item.getStatus() != EvidenceStatus.DRAFT && item.getStatus() != EvidenceStatus.RETURNED) {
            throw new ValidationException("\"" + item.getTitle() + "\" is "
                    + item.getStatus().label().toLowerCase(Locale.ROOT) + " and cannot be submitted again.");
        }
        if (item.getImpact() == null || item.getImpact().isBlank()) {
            throw new ValidationException("Describe the impact before submitting \"" + item.getTitle() + "\".");
        }
        var now = Instant.now(clock);
        var before = item.getStatus().name();
        item.submit(roles(item), now);
        thread(item, CommentKind.SUBMITTED, null, now);
        flush();
        audit.record(
                "EVIDENCE_SUBMITTED",
                "Evidence",
                id,
                "Submitted " + describe(item),
                Map.of("status", before),
                Map.of("status", item.getStatus().name()));
    }

    /** Acknowledges a submitted item; the note is optional. */
    @Transactional
    @PreAuthorize("hasRole('MANAGER')")
    public void acknowledge(Long id, long expectedVersion, String note) {
        var item = reviewableItem(id, expectedVersion);
        acknowledge(item, note);
        flush();
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
            checkReviewable(item, entry.getValue());
        }
        for (var item : found.values()) {
            acknowledge(item, null);
        }
        flush();
        return found.size();
    }

    private void acknowledge(EvidenceItem item, String note) {
        var now = Instant.now(clock);
        var text = blankToNull(note);
        if (text != null && text.length() > MAX_COMMENT) {
            throw new ValidationException("A note is at most " + MAX_COMMENT + " characters long.");
        }
        item.acknowledge(roles(item), CurrentUser.require().displayName(), now);
        thread(item, CommentKind.ACKNOWLEDGED, text, now);
        audit.record(
                "EVIDENCE_ACKNOWLEDGED",
                "Evidence",
                item.getId(),
                "Acknowledged " + describe(item) + (text == null ? "" : ": " + text),
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
        var text = blankToNull(comment);
        if (text == null) {
            throw new ValidationException("Say what is missing or should change when returning evidence.");
        }
        if (text.length() > MAX_COMMENT) {
            throw new ValidationException("A comment is at most " + MAX_COMMENT + " characters long.");
        }
        var item = reviewableItem(id, expectedVersion);
        var now = Instant.now(clock);
        item.returnForChanges(roles(item), CurrentUser.require().displayName(), text, now);
        thread(item, CommentKind.RETURNED, text, now);
        flush();
        audit.record(
                "EVIDENCE_RETURNED",
                "Evidence",
                id,
                "Returned " + describe(item) + ": " + text,
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
        var text = blankToNull(body);
        if (text == null) {
            throw new ValidationException("Write a comment first.");
        }
        if (text.length() > MAX_COMMENT) {
            throw new ValidationException("A comment is at most " + MAX_COMMENT + " characters long.");
        }
        var item = visibleItem(id);
        var now = Instant.now(clock);
        thread(item, CommentKind.COMMENT, text, now);
        audit.record(
                "EVIDENCE_COMMENTED", "Evidence", id, "Commented on " + describe(item), null, Map.of("comment", text));
    }

    /** Attaches a file (PDF, PNG, JPEG, plain text or Markdown, at most 10 MB). Returns the attachment id. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public Long addAttachment(Long id, String fileName, byte[] content) {
        var bytes = content == null ? new byte[0] : content;
        return attach(id, fileName, bytes.length, () -> new ByteArrayInputStream(bytes));
    }

    /**
     * Attaches a file read as a stream (an upload waiting on disk), so it goes to the database without being held
     * whole in memory. {@code size} is the number of bytes the stream holds. Returns the attachment id.
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public Long addAttachment(Long id, String fileName, long size, InputStreamSource content) {
        return attach(id, fileName, size, content);
    }

    private Long attach(Long id, String fileName, long size, InputStreamSource content) {
        var item = ownItem(id);
        requireAttachable(item);
        var name = AttachmentTypes.cleanName(fileName);
        if (name.isEmpty()) {
            throw new ValidationException("The file needs a name.");
        }
        if (size <= 0) {
            throw new ValidationException(name + " is empty.");
        }
        if (size > AttachmentTypes.MAX_BYTES) {
            throw new ValidationException(name + " is " + megabytes(size) + "; attachments are at most 10 MB.");
        }
        String mediaType;
        try {
            mediaType = AttachmentTypes.mediaType(name, content);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(e.getMessage());
        }
        if (attachments.countByEvidence(id) >= MAX_ATTACHMENTS) {
            throw new ValidationException("An item has at most " + MAX_ATTACHMENTS + " attachments.");
        }
        var now = Instant.now(clock);
        var attachment =
                attachments.save(new EvidenceAttachment(id, name, mediaType, size, now, CurrentUser.actorName()));
        flush();
        try (var in = content.getInputStream()) {
            contents.insertContent(attachment.getId(), in, size);
        } catch (IOException e) {
            throw new ValidationException(name + " could not be read; upload it again.");
        }
        item.touch(now);
        flush();
        audit.record(
                "EVIDENCE_ATTACHMENT_ADDED",
                "Evidence",
                id,
                "Attached " + name + " (" + megabytes(size) + ") to " + describe(item),
                null,
                Map.of("file", name, "mediaType", mediaType, "bytes", size));
        return attachment.getId();
    }

    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void removeAttachment(Long attachmentId) {
        var attachment =
                attachments.findById(attachmentId).orElseThrow(() -> new NotFoundException("Attachment not found"));
        var item = ownItem(attachment.getEvidenceId());
        requireAttachable(item);
        contents.deleteById(attachmentId);
        attachments.delete(attachment);
        item.touch(Instant.now(clock));
        flush();
        audit.record(
                "EVIDENCE_ATTACHMENT_REMOVED",
                "Evidence",
                item.getId(),
                "Removed " + attachment.getFileName() + " from " + describe(item),
                Map.of("file", attachment.getFileName(), "bytes", attachment.getSizeBytes()),
                null);
    }

    /** Deletes a draft that was never acknowledged. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void deleteDraft(Long id, long expectedVersion) {
        var item = ownItem(id);
        checkVersion(item, expectedVersion);
        if (item.getStatus() != EvidenceStatus.DRAFT || item.getRevision() > 1) {
            throw new ValidationException("Only drafts that were never acknowledged can be deleted; \""
                    + item.getTitle() + "\" is " + item.getStatus().label().toLowerCase(Locale.ROOT) + ".");
        }
        item.require(EvidenceAction.DELETE, roles(item), null);
        var before = snapshot(item);
        items.delete(item);
        flush();
        audit.record("EVIDENCE_DELETED", "Evidence", id, "Deleted draft " + describe(item), before, null);
    }

    // ---------------------------------------------------------------- rules

    private void apply(
            EvidenceItem item,
            Set<EvidenceRole> roles,
            EvidenceInput input,
            LadderContent ladder,
            boolean submitting,
            Instant now) {
        var problems = new ArrayList<String>();
        var today = LocalDate.now(clock);
        if (input.type() == null) {
            throw new ValidationException("Choose the type of evidence.");
        }
        var title = blankToNull(input.title());
        if (title == null) {
            problems.add("Give the evidence a title.");
        } else if (title.length() > 200) {
            problems.add("The title is at most 200 characters long.");
        }
        if (input.occurredOn() == null) {
            problems.add("Give the date of the work.");
        } else if (input.occurredOn().isAfter(today)) {
            problems.add("The date cannot be in the future.");
        } else if (input.occurredOn().getYear() < 1950) {
            problems.add("The date is too far in the past.");
        }
        var description = blankToNull(input.description());
        var impact = blankToNull(input.impact());
        if (description != null && description.length() > MAX_LONG_TEXT
                || impact != null && impact.length() > MAX_LONG_TEXT) {
            problems.add("Description and impact are at most " + MAX_LONG_TEXT + " characters long each.");
        }
        if (submitting && impact == null) {
            problems.add("Describe the impact before submitting.");
        }
        var levelKey = blankToNull(input.levelKey());
        if (levelKey == null) {
            problems.add("Choose the level this evidence speaks to.");
        } else if (ladder.level(levelKey).isEmpty()) {
            problems.add(
                    "Level " + levelKey + " is not part of " + ladder.version().ladderName() + ".");
        }
        var competencies = new LinkedHashSet<String>();
        if (input.competencyKeys() != null) {
            input.competencyKeys().stream()
                    .filter(k -> k != null && !k.isBlank())
                    .map(String::strip)
                    .forEach(competencies::add);
        }
        if (competencies.isEmpty()) {
            problems.add("Choose at least one competency this evidence supports.");
        } else if (competencies.size() > MAX_COMPETENCIES) {
            problems.add("Choose at most " + MAX_COMPETENCIES + " competencies; pick the ones it supports best.");
        }
        var unknown = competencies.stream()
                .filter(k -> ladder.competency(k).isEmpty())
                .toList();
        if (!unknown.isEmpty()) {
            problems.add(
                    "Not competencies of " + ladder.version().ladderName() + ": " + String.join(", ", unknown) + ".");
        }
        var links = new ArrayList<String>();
        if (input.links() != null) {
            for (var link : input.links()) {
                if (link == null || link.isBlank()) {
                    continue;
                }
                Links.problem(link).ifPresentOrElse(p -> problems.add("Link " + p), () -> links.add(link.strip()));
            }
        }
        if (links.size() > MAX_LINKS) {
            problems.add("Add at most " + MAX_LINKS + " links.");
        }
        var details = EvidenceFields.normalize(input.type(), input.details());
        problems.addAll(EvidenceFields.validate(input.type(), details, today));
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        item.setContent(
                roles,
                input.type(),
                title,
                input.occurredOn(),
                description,
                impact,
                levelKey,
                competencies.toArray(String[]::new),
                links.stream().distinct().toArray(String[]::new),
                json.writeValueAsString(details),
                now);
        item.setLadderId(ladder.version().ladderId());
    }

    private LadderContent ladderOf(PersonDetails person) {
        if (person.ladderId() == null) {
            throw new ValidationException(
                    person.fullName() + " is not placed on a ladder yet; an admin has to place them first.");
        }
        return ladders.published(person.ladderId())
                .orElseThrow(
                        () -> new ValidationException("The ladder of " + person.fullName() + " is not published."));
    }

    private EvidenceItem visibleItem(Long id) {
        var item = items.findById(id).orElseThrow(() -> new NotFoundException("Evidence not found"));
        if (!isOwner(item) && !people.canSee(item.getOwnerId())) {
            // Same answer as for a missing item: ids of other people's evidence are not confirmed.
            throw new NotFoundException("Evidence not found");
        }
        return item;
    }

    private EvidenceItem ownItem(Long id) {
        var item = visibleItem(id);
        if (!isOwner(item)) {
            throw new AccessDeniedException("Only the owner changes their evidence.");
        }
        return item;
    }

    private EvidenceItem reviewableItem(Long id, long expectedVersion) {
        var item = visibleItem(id);
        checkReviewable(item, expectedVersion);
        return item;
    }

    private void checkReviewable(EvidenceItem item, long expectedVersion) {
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
    private boolean mayReview(EvidenceItem item) {
        var me = CurrentUser.require();
        return me.has(Role.MANAGER) && !isOwner(item);
    }

    /** How the signed-in user relates to a visible item, for {@link EvidenceAction}. */
    private Set<EvidenceRole> roles(EvidenceItem item) {
        var roles = EnumSet.of(EvidenceRole.VIEWER);
        if (isOwner(item)) {
            roles.add(EvidenceRole.OWNER);
        }
        if (mayReview(item)) {
            roles.add(EvidenceRole.REVIEWER);
        }
        return roles;
    }

    private static boolean isOwner(EvidenceItem item) {
        return item.getOwnerId().equals(CurrentUser.require().personId());
    }

    private void requireAttachable(EvidenceItem item) {
        if (item.getStatus() == EvidenceStatus.ACKNOWLEDGED) {
            throw new ValidationException("\"" + item.getTitle()
                    + "\" is acknowledged; edit it first to start a new revision, then change its attachments.");
        }
        item.require(EvidenceAction.CHANGE_ATTACHMENTS, roles(item), null);
    }

    private static void checkVersion(EvidenceItem item, long expectedVersion) {
        if (item.getVersion() != expectedVersion) {
            throw new ConcurrentEditException("\"" + item.getTitle() + "\" (now "
                    + item.getStatus().label().toLowerCase(Locale.ROOT)
                    + (item.getReviewedBy() == null ? "" : " by " + item.getReviewedBy()) + ")");
        }
    }

    /** Flushes, turning a lost race with another transaction into the same message as a stale version. */
    private void flush() {
        try {
            items.flush();
        } catch (ObjectOptimisticLockingFailureException | OptimisticLockException e) {
            throw new ConcurrentEditException("This evidence");
        }
    }

    private Long visibleOwner(Long ownerId) {
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

    private Map<Long, PersonRow> reportingLine() {
        return people.myReportingLine().stream()
                .collect(Collectors.toMap(PersonRow::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    private void thread(EvidenceItem item, CommentKind kind, String body, Instant now) {
        var me = CurrentUser.require();
        comments.save(new EvidenceComment(item.getId(), kind, me.personId(), me.displayName(), body, now));
    }

    // ---------------------------------------------------------------- queries

    private static Specification<EvidenceItem> ownedBy(Long ownerId, EvidenceFilter filter) {
        return (root, query, cb) -> {
            var predicates = new ArrayList<Predicate>();
            predicates.add(cb.equal(root.get("ownerId"), ownerId));
            filters(filter, root, cb, predicates);
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }

    private static Specification<EvidenceItem> awaitingReview(Collection<Long> ownerIds, EvidenceFilter filter) {
        return (root, query, cb) -> {
            var predicates = new ArrayList<Predicate>();
            predicates.add(root.get("ownerId").in(ownerIds));
            predicates.add(cb.equal(root.get("status"), EvidenceStatus.SUBMITTED));
            filters(filter, root, cb, predicates);
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }

    private static void filters(
            EvidenceFilter filter,
            jakarta.persistence.criteria.Root<EvidenceItem> root,
            jakarta.persistence.criteria.CriteriaBuilder cb,
            List<Predicate> predicates) {
        if (filter == null) {
            return;
        }
        if (filter.type() != null) {
            predicates.add(cb.equal(root.get("type"), filter.type()));
        }
        if (filter.status() != null) {
            predicates.add(cb.equal(root.get("status"), filter.status()));
        }
        if (filter.competencyKey() != null && !filter.competencyKey().isBlank()) {
            predicates.add(((HibernateCriteriaBuilder) cb)
                    .arrayContains(root.<String[]>get("competencyKeys"), filter.competencyKey()));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            var like = "%"
                    + filter.text()
                            .strip()
                            .toLowerCase(Locale.ROOT)
                            .replace("\\", "\\\\")
                            .replace("%", "\\%")
                            .replace("_", "\\_")
                    + "%";
            predicates.add(cb.like(cb.lower(root.get("title")), like, '\\'));
        }
    }

    private static Sort sort(Sort requested, Sort fallback) {
        if (requested.isUnsorted()) {
            return fallback;
        }
        var orders = requested.stream()
                .filter(o -> SORTABLE.containsKey(o.getProperty()))
                .map(o -> new Sort.Order(o.getDirection(), SORTABLE.get(o.getProperty())))
                .toList();
        return orders.isEmpty() ? fallback : Sort.by(orders).and(Sort.by(Sort.Direction.DESC, "id"));
    }

    // ---------------------------------------------------------------- mapping

    private static EvidenceRow row(EvidenceItem e) {
        return new EvidenceRow(
                e.getId(),
                e.getOwnerId(),
                e.getType(),
                e.getTitle(),
                e.getOccurredOn(),
                e.getLevelKey(),
                List.of(e.getCompetencyKeys()),
                e.getStatus(),
                e.getRevision(),
                e.getSubmittedAt(),
                e.getUpdatedAt(),
                e.getReviewComment(),
                e.getVersion());
    }

    private Map<String, String> readDetails(String details) {
        if (details == null || details.isBlank()) {
            return Map.of();
        }
        return json.readValue(details, new TypeReference<LinkedHashMap<String, String>>() {});
    }

    private EvidenceDetails.Snapshot snapshotRecord(EvidenceItem item) {
        return new EvidenceDetails.Snapshot(
                item.getType().name(),
                item.getTitle(),
                item.getOccurredOn().toString(),
                item.getDescription(),
                item.getImpact(),
                item.getLevelKey(),
                List.of(item.getCompetencyKeys()),
                List.of(item.getLinks()),
                readDetails(item.getDetails()),
                item.getReviewedBy(),
                item.getReviewedAt() == null ? null : item.getReviewedAt().toString(),
                attachments.findByEvidence(item.getId()).stream()
                        .map(EvidenceAttachment::getFileName)
                        .toList());
    }

    /** The audit form of an item's state. */
    private Map<String, Object> snapshot(EvidenceItem item) {
        var map = new LinkedHashMap<String, Object>();
        map.put("owner", item.getOwnerId());
        map.put("type", item.getType() == null ? null : item.getType().name());
        map.put("title", item.getTitle());
        map.put(
                "occurredOn",
                item.getOccurredOn() == null ? null : item.getOccurredOn().toString());
        map.put("level", item.getLevelKey());
        map.put("competencies", List.of(item.getCompetencyKeys()));
        map.put("links", List.of(item.getLinks()));
        map.put("details", readDetails(item.getDetails()));
        map.put("description", item.getDescription());
        map.put("impact", item.getImpact());
        map.put("status", item.getStatus().name());
        map.put("revision", item.getRevision());
        return map;
    }

    private static String describe(EvidenceItem item) {
        return item.getType().label().toLowerCase(Locale.ROOT) + " \"" + item.getTitle() + "\"";
    }

    private static String megabytes(long bytes) {
        return bytes < 1024 * 1024
                ? Math.max(1, Math.round(bytes / 1024.0)) + " KB"
                : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
