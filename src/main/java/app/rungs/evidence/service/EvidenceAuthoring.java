package app.rungs.evidence.service;

import app.rungs.audit.service.AuditService;
import app.rungs.evidence.domain.AttachmentContentRepository;
import app.rungs.evidence.domain.CommentKind;
import app.rungs.evidence.domain.EvidenceAction;
import app.rungs.evidence.domain.EvidenceAttachment;
import app.rungs.evidence.domain.EvidenceAttachmentRepository;
import app.rungs.evidence.domain.EvidenceItem;
import app.rungs.evidence.domain.EvidenceItemRepository;
import app.rungs.evidence.domain.EvidenceRevision;
import app.rungs.evidence.domain.EvidenceRevisionRepository;
import app.rungs.evidence.domain.EvidenceRole;
import app.rungs.evidence.domain.EvidenceStatus;
import app.rungs.ladder.service.LadderContent;
import app.rungs.ladder.service.LadderService;
import app.rungs.people.service.PersonCard;
import app.rungs.people.service.PersonDirectory;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.InputStreamSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Logging and changing evidence: only the owner creates, edits, submits, attaches files to and deletes their items.
 *
 * <p>Status rules ({@link EvidenceAction}): DRAFT → SUBMITTED → ACKNOWLEDGED or RETURNED (with a comment); a returned
 * item is edited and submitted again. Editing a submitted item keeps it submitted. Editing an acknowledged item keeps
 * the acknowledged content as a revision snapshot and starts the next revision, as a draft or directly submitted, as
 * the owner chooses; until it is acknowledged again it no longer counts as acknowledged.
 */
@Service
public class EvidenceAuthoring {

    private final EvidenceItemRepository items;
    private final EvidenceRevisionRepository revisions;
    private final EvidenceAttachmentRepository attachments;
    private final AttachmentContentRepository contents;
    private final PersonDirectory directory;
    private final LadderService ladders;
    private final AuditService audit;
    private final Clock clock;
    private final EvidenceAccess access;
    private final EvidenceSnapshots snapshots;

    EvidenceAuthoring(
            EvidenceItemRepository items,
            EvidenceRevisionRepository revisions,
            EvidenceAttachmentRepository attachments,
            AttachmentContentRepository contents,
            PersonDirectory directory,
            LadderService ladders,
            AuditService audit,
            Clock clock,
            EvidenceAccess access,
            EvidenceSnapshots snapshots) {
        this.items = items;
        this.revisions = revisions;
        this.attachments = attachments;
        this.contents = contents;
        this.directory = directory;
        this.ladders = ladders;
        this.audit = audit;
        this.clock = clock;
        this.access = access;
        this.snapshots = snapshots;
    }

    static final int MAX_COMPETENCIES = 8;
    static final int MAX_LINKS = 10;
    static final int MAX_ATTACHMENTS = 10;
    static final int MAX_LONG_TEXT = 20_000;
    static final int MAX_COMMENT = 4_000;

    // ---------------------------------------------------------------- changing

    /** Logs a new item for the signed-in engineer, as a draft or directly submitted. Returns its id. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public Long create(EvidenceInput input, boolean submit) {
        var me = CurrentUser.require();
        if (me.personId() == null) {
            throw new ValidationException("Only people of the organization log evidence; your account has no person.");
        }
        var person = directory.require(me.personId());
        var ladder = ladderOf(person);
        var now = Instant.now(clock);
        var item = new EvidenceItem(person.id(), ladder.version().ladderId(), now);
        var roles = EnumSet.of(EvidenceRole.OWNER, EvidenceRole.VIEWER);
        apply(item, roles, input, ladder, submit, now);
        items.save(item);
        if (submit) {
            item.submit(roles, now);
            access.thread(item, CommentKind.SUBMITTED, null, now);
        }
        items.flush();
        audit.record(
                "EVIDENCE_CREATED",
                "Evidence",
                item.getId(),
                (submit ? "Logged and submitted " : "Logged ") + EvidenceSnapshots.describe(item),
                null,
                snapshots.snapshot(item));
        return item.getId();
    }

    /**
     * Changes an item's content. {@code submit} submits a draft or returned item in the same step; for an
     * acknowledged item it decides whether the new revision starts as a draft or submitted.
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void update(Long id, long expectedVersion, EvidenceInput input, boolean submit) {
        var item = access.ownItem(id);
        EvidenceAccess.checkVersion(item, expectedVersion);
        var ladder = ladderOf(directory.require(item.getOwnerId()));
        var before = snapshots.snapshot(item);
        var now = Instant.now(clock);
        var was = item.getStatus();
        boolean submitting = submit && was != EvidenceStatus.SUBMITTED;
        if (was == EvidenceStatus.ACKNOWLEDGED) {
            revisions.save(new EvidenceRevision(
                    item.getId(),
                    item.getRevision(),
                    was,
                    snapshots.json().writeValueAsString(snapshots.snapshotRecord(item)),
                    now,
                    CurrentUser.actorName()));
        }
        var roles = access.roles(item);
        apply(item, roles, input, ladder, submitting || was == EvidenceStatus.SUBMITTED, now);
        if (was == EvidenceStatus.ACKNOWLEDGED) {
            item.startRevision(roles);
        }
        if (submitting) {
            item.submit(roles, now);
            access.thread(item, CommentKind.SUBMITTED, null, now);
        }
        access.flush();
        var action = was == EvidenceStatus.ACKNOWLEDGED
                ? "Started revision " + item.getRevision() + " of acknowledged "
                : "Edited ";
        audit.record(
                "EVIDENCE_EDITED",
                "Evidence",
                id,
                action + EvidenceSnapshots.describe(item) + (submitting ? " and submitted it" : ""),
                before,
                snapshots.snapshot(item));
    }

    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void submit(Long id, long expectedVersion) {
        var item = access.ownItem(id);
        EvidenceAccess.checkVersion(item, expectedVersion);
        if (item.getStatus() != EvidenceStatus.DRAFT && item.getStatus() != EvidenceStatus.RETURNED) {
            throw new ValidationException("\"" + item.getTitle() + "\" is "
                    + item.getStatus().label().toLowerCase(Locale.ROOT) + " and cannot be submitted again.");
        }
        if (item.getImpact() == null || item.getImpact().isBlank()) {
            throw new ValidationException("Describe the impact before submitting \"" + item.getTitle() + "\".");
        }
        var now = Instant.now(clock);
        var before = item.getStatus().name();
        item.submit(access.roles(item), now);
        access.thread(item, CommentKind.SUBMITTED, null, now);
        access.flush();
        audit.record(
                "EVIDENCE_SUBMITTED",
                "Evidence",
                id,
                "Submitted " + EvidenceSnapshots.describe(item),
                Map.of("status", before),
                Map.of("status", item.getStatus().name()));
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
        var item = access.ownItem(id);
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
        access.flush();
        try (var in = content.getInputStream()) {
            contents.insertContent(attachment.getId(), in, size);
        } catch (IOException e) {
            throw new ValidationException(name + " could not be read; upload it again.");
        }
        item.touch(now);
        access.flush();
        audit.record(
                "EVIDENCE_ATTACHMENT_ADDED",
                "Evidence",
                id,
                "Attached " + name + " (" + megabytes(size) + ") to " + EvidenceSnapshots.describe(item),
                null,
                Map.of("file", name, "mediaType", mediaType, "bytes", size));
        return attachment.getId();
    }

    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void removeAttachment(Long attachmentId) {
        var attachment =
                attachments.findById(attachmentId).orElseThrow(() -> new NotFoundException("Attachment not found"));
        var item = access.ownItem(attachment.getEvidenceId());
        requireAttachable(item);
        contents.deleteById(attachmentId);
        attachments.delete(attachment);
        item.touch(Instant.now(clock));
        access.flush();
        audit.record(
                "EVIDENCE_ATTACHMENT_REMOVED",
                "Evidence",
                item.getId(),
                "Removed " + attachment.getFileName() + " from " + EvidenceSnapshots.describe(item),
                Map.of("file", attachment.getFileName(), "bytes", attachment.getSizeBytes()),
                null);
    }

    /** Deletes a draft that was never acknowledged. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void deleteDraft(Long id, long expectedVersion) {
        var item = access.ownItem(id);
        EvidenceAccess.checkVersion(item, expectedVersion);
        if (item.getStatus() != EvidenceStatus.DRAFT || item.getRevision() > 1) {
            throw new ValidationException("Only drafts that were never acknowledged can be deleted; \""
                    + item.getTitle() + "\" is " + item.getStatus().label().toLowerCase(Locale.ROOT) + ".");
        }
        item.require(EvidenceAction.DELETE, access.roles(item), null);
        var before = snapshots.snapshot(item);
        items.delete(item);
        access.flush();
        audit.record(
                "EVIDENCE_DELETED", "Evidence", id, "Deleted draft " + EvidenceSnapshots.describe(item), before, null);
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
        var title = EvidenceAccess.blankToNull(input.title());
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
        var description = EvidenceAccess.blankToNull(input.description());
        var impact = EvidenceAccess.blankToNull(input.impact());
        if (description != null && description.length() > MAX_LONG_TEXT
                || impact != null && impact.length() > MAX_LONG_TEXT) {
            problems.add("Description and impact are at most " + MAX_LONG_TEXT + " characters long each.");
        }
        if (submitting && impact == null) {
            problems.add("Describe the impact before submitting.");
        }
        var levelKey = EvidenceAccess.blankToNull(input.levelKey());
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
                snapshots.json().writeValueAsString(details),
                now);
        item.setLadderId(ladder.version().ladderId());
    }

    private LadderContent ladderOf(PersonCard person) {
        if (person.ladderId() == null) {
            throw new ValidationException(
                    person.fullName() + " is not placed on a ladder yet; an admin has to place them first.");
        }
        return ladders.published(person.ladderId())
                .orElseThrow(
                        () -> new ValidationException("The ladder of " + person.fullName() + " is not published."));
    }

    private void requireAttachable(EvidenceItem item) {
        if (item.getStatus() == EvidenceStatus.ACKNOWLEDGED) {
            throw new ValidationException("\"" + item.getTitle()
                    + "\" is acknowledged; edit it first to start a new revision, then change its attachments.");
        }
        item.require(EvidenceAction.CHANGE_ATTACHMENTS, access.roles(item), null);
    }

    private static String megabytes(long bytes) {
        return bytes < 1024 * 1024
                ? Math.max(1, Math.round(bytes / 1024.0)) + " KB"
                : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
