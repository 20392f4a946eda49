package app.rungs.evidence.service;

import app.rungs.evidence.domain.AttachmentContentRepository;
import app.rungs.evidence.domain.CompetencyWaiverRepository;
import app.rungs.evidence.domain.EvidenceAction;
import app.rungs.evidence.domain.EvidenceAttachmentRepository;
import app.rungs.evidence.domain.EvidenceCommentRepository;
import app.rungs.evidence.domain.EvidenceItem;
import app.rungs.evidence.domain.EvidenceItemRepository;
import app.rungs.evidence.domain.EvidenceRevisionRepository;
import app.rungs.evidence.domain.EvidenceStatus;
import app.rungs.evidence.service.EvidenceDetails.Permissions;
import app.rungs.ladder.service.LadderContent;
import app.rungs.ladder.service.LadderService;
import app.rungs.ladder.service.PersonPath;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonDirectory;
import app.rungs.security.domain.Role;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading promotion evidence: a person's items, one item with its conversation and history, attachments, and how
 * the evidence covers a level. Logging and changing it is {@link EvidenceAuthoring}, reviewing it
 * {@link EvidenceReview}, comparing many people's coverage {@link CoverageQueries}.
 *
 * <p>Who sees what: the owner their own items, managers their reporting line's ({@link PeopleService#canSee}),
 * admins everything; anything else answers {@link NotFoundException}. An {@link EvidenceReadGrant} may let the
 * signed-in user read someone's acknowledged evidence and coverage beyond that (a promotion case's reviewers).
 */
@Service
public class EvidenceService {

    private final EvidenceItemRepository items;
    private final EvidenceRevisionRepository revisions;
    private final EvidenceCommentRepository comments;
    private final EvidenceAttachmentRepository attachments;
    private final AttachmentContentRepository contents;
    private final PeopleService people;
    private final PersonDirectory directory;
    private final LadderService ladders;
    private final EvidenceAccess access;
    private final EvidenceSnapshots snapshots;
    private final CompetencyWaiverRepository waivers;
    private final CoverageItems coverageItems;

    EvidenceService(
            EvidenceItemRepository items,
            EvidenceRevisionRepository revisions,
            EvidenceCommentRepository comments,
            EvidenceAttachmentRepository attachments,
            AttachmentContentRepository contents,
            PeopleService people,
            PersonDirectory directory,
            LadderService ladders,
            EvidenceAccess access,
            EvidenceSnapshots snapshots,
            CompetencyWaiverRepository waivers,
            CoverageItems coverageItems) {
        this.coverageItems = coverageItems;
        this.items = items;
        this.revisions = revisions;
        this.comments = comments;
        this.attachments = attachments;
        this.contents = contents;
        this.people = people;
        this.directory = directory;
        this.ladders = ladders;
        this.access = access;
        this.snapshots = snapshots;
        this.waivers = waivers;
    }

    // ---------------------------------------------------------------- reading

    /**
     * Whose evidence and which ladder: the person (null for the signed-in user) with their published ladder, for
     * those who may read the person's evidence (or at least the acknowledged part, see {@link EvidenceReadGrant}).
     */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Optional<EvidenceContext> context(Long personId) {
        var id = personId == null ? CurrentUser.require().personId() : personId;
        if (id == null) {
            return Optional.empty();
        }
        access.readsByGrantOnly(id);
        var person = directory.require(id);
        if (person.ladderId() == null) {
            return Optional.empty();
        }
        return ladders.published(person.ladderId())
                .map(ladder -> new EvidenceContext(
                        person.id(),
                        person.fullName(),
                        person.levelKey(),
                        ladder.next(person.levelKey(), person.trackKey())
                                .map(LadderContent.LevelView::key)
                                .orElse(null),
                        ladder));
    }

    /** One page of a person's evidence (null for the signed-in user). */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<EvidenceRow> find(Long ownerId, EvidenceFilter filter, Pageable page) {
        var owner = access.visibleOwner(ownerId);
        var sort = EvidenceQueries.sort(page.getSort(), Sort.by(Sort.Direction.DESC, "occurredOn", "id"));
        return items
                .findBy(
                        listed(owner, filter),
                        q -> q.slice(PageRequest.of(page.getPageNumber(), page.getPageSize(), sort)))
                .stream()
                .map(EvidenceSnapshots::row)
                .toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public long count(Long ownerId, EvidenceFilter filter) {
        return items.count(listed(access.visibleOwner(ownerId), filter));
    }

    /** The owner's items as the signed-in user lists them: others never see drafts from other systems. */
    private static Specification<EvidenceItem> listed(Long owner, EvidenceFilter filter) {
        var spec = EvidenceQueries.ownedBy(owner, filter);
        return owner.equals(CurrentUser.require().personId())
                ? spec
                : spec.and(EvidenceQueries.withoutExternalDrafts());
    }

    /**
     * A person's acknowledged items, newest first, at most {@code limit}: for those who see the person and for readers
     * vouched for by an {@link EvidenceReadGrant} (a promotion case's reviewers).
     */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<EvidenceRow> acknowledged(Long ownerId, int limit) {
        access.readsByGrantOnly(ownerId);
        var filter = new EvidenceFilter(null, null, EvidenceStatus.ACKNOWLEDGED, null);
        return items
                .findBy(
                        EvidenceQueries.ownedBy(ownerId, filter),
                        q -> q.slice(PageRequest.of(0, limit, Sort.by(Sort.Direction.DESC, "occurredOn", "id"))))
                .stream()
                .map(EvidenceSnapshots::row)
                .toList();
    }

    /** How many of a person's items (null for the signed-in user) are in each status. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Map<EvidenceStatus, Long> statusCounts(Long ownerId) {
        var counts = new java.util.EnumMap<EvidenceStatus, Long>(EvidenceStatus.class);
        for (var s : EvidenceStatus.values()) {
            counts.put(s, 0L);
        }
        var owner = access.visibleOwner(ownerId);
        var rows = owner.equals(CurrentUser.require().personId())
                ? items.countByStatus(owner)
                : items.countByStatusWithoutExternalDrafts(owner);
        for (var row : rows) {
            counts.put((EvidenceStatus) row[0], (Long) row[1]);
        }
        return counts;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public EvidenceDetails details(Long id) {
        var item = access.visibleItem(id);
        var me = CurrentUser.require();
        boolean owner = EvidenceAccess.isOwner(item);
        String ownerName =
                owner ? me.displayName() : directory.require(item.getOwnerId()).fullName();
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
                        snapshots.json().readValue(r.getSnapshot(), EvidenceDetails.Snapshot.class)))
                .toList();
        var status = item.getStatus();
        var roles = access.roles(item);
        var may = new Permissions(
                EvidenceAction.EDIT.allows(status, roles),
                // A draft from another system is completed in the editor (competencies, impact) before it is submitted.
                EvidenceAction.SUBMIT.allows(status, roles) && item.getCompetencyKeys().length > 0,
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
                snapshots.readDetails(item.getDetails()),
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
                may,
                item.getSource());
    }

    /**
     * How a person's evidence (null for the signed-in user) backs the expectations of a level (null for their next
     * level, or their own level at the top of the ladder). Readers vouched for by an {@link EvidenceReadGrant} see
     * acknowledged items only; other items show as their status and level, without id, title or type.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Coverage coverage(Long personId, String levelKey) {
        var id = personId == null ? CurrentUser.require().personId() : personId;
        if (id == null) {
            throw new NotFoundException("You have no person record, so there is no coverage to show.");
        }
        // A reader by grant only learns that unacknowledged items exist (the packet counts them), not what they are.
        boolean acknowledgedOnly = access.readsByGrantOnly(id);
        var person = directory.require(id);
        if (person.ladderId() == null) {
            throw new ValidationException(person.fullName() + " is not placed on a ladder yet.");
        }
        var ladder = ladders.published(person.ladderId())
                .orElseThrow(
                        () -> new ValidationException("The ladder of " + person.fullName() + " is not published."));
        var target = CoverageRules.target(ladder, person.levelKey(), person.trackKey(), levelKey);
        var path = new PersonPath(person.trackKey(), person.specialization());
        var options =
                levelKey == null && ReadinessRules.atForkWithoutTrack(ladder, person.levelKey(), person.trackKey())
                        ? ladder.nextOptions(person.levelKey())
                        : List.<LadderContent.LevelView>of();
        var position = CoverageRules.positions(ladder);
        // Counts from SQL and the newest few items per line: bounded whatever the number of items (decision 0030).
        var facts = coverageItems.facts(id);
        var newest = coverageItems.newest(id, CoverageItems.FIRST);
        var waived = waivers.findByPerson(id, person.ladderId());
        var latest = new java.util.HashMap<String, Waiver>();
        boolean mayDecide = !id.equals(CurrentUser.require().personId())
                && (CurrentUser.require().has(Role.MANAGER)
                        || CurrentUser.require().has(Role.ADMIN))
                && !acknowledgedOnly;
        for (var w : waived) {
            latest.putIfAbsent(w.getCompetencyKey(), CompetencyWaivers.view(w, mayDecide));
        }
        var lines = new ArrayList<Coverage.Line>();
        for (var r : ladder.requirementsOf(target.key(), path)) {
            var counting = facts.stream()
                    .filter(f -> CoverageRules.counts(r, List.of(f.competencyKey()), f.levelKey(), position))
                    .toList();
            var refs = newest.stream()
                    .filter(t -> CoverageRules.counts(
                            r, List.of(t.competencyKey()), t.ref().levelKey(), position))
                    .map(CoverageItems.Tagged::ref)
                    .distinct()
                    .limit(CoverageItems.FIRST)
                    .map(e -> acknowledgedOnly ? hiddenUnlessAcknowledged(e) : e)
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
                    counting.stream().mapToLong(CoverageItems.Fact::items).sum(),
                    CoverageRules.state(
                            counting.stream().map(CoverageItems.Fact::status).toList()),
                    r.competency().applicability(),
                    latest.get(r.competency().key())));
        }
        var readiness = options.isEmpty()
                ? ReadinessRules.of(
                        ladder,
                        person.levelKey(),
                        target,
                        path,
                        CoverageRules.approvedKeys(waived),
                        facts.stream()
                                .map(f -> new ReadinessRules.Backing(
                                        List.of(f.competencyKey()), f.levelKey(), f.status()))
                                .toList())
                : Readiness.none();
        return new Coverage(
                person.id(),
                person.fullName(),
                ladder.version().ladderName(),
                person.levelKey(),
                target,
                ladder.levels(),
                lines,
                path,
                ladder.track(person.trackKey())
                        .map(LadderContent.TrackView::name)
                        .orElse(null),
                options,
                readiness,
                mayDecide);
    }

    /**
     * More of the items that count for one expectation of a person's coverage (the line's competency, evidence at the
     * level that defines it or above), newest first, a page at a time: what "show more" on the coverage page loads.
     * Same visibility as {@link #coverage}. At most {@value CoverageItems#PAGE} per page.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<Coverage.Ref> coverageEvidence(
            Long personId, String competencyKey, String definedAtLevelKey, int offset, int limit) {
        var id = personId == null ? CurrentUser.require().personId() : personId;
        if (id == null) {
            throw new NotFoundException("You have no person record, so there is no coverage to show.");
        }
        boolean acknowledgedOnly = access.readsByGrantOnly(id);
        var person = directory.require(id);
        var ladder = person.ladderId() == null ? Optional.<LadderContent>empty() : ladders.published(person.ladderId());
        var definedAt = ladder.flatMap(l -> l.level(definedAtLevelKey))
                .orElseThrow(() -> new ValidationException(
                        "Level " + definedAtLevelKey + " is not part of the ladder of " + person.fullName() + "."));
        var levels = ladder.orElseThrow().levels().stream()
                .filter(l -> l.position() >= definedAt.position())
                .map(LadderContent.LevelView::key)
                .toList();
        return coverageItems
                .page(id, competencyKey, levels, Math.max(0, offset), Math.clamp(limit, 1, CoverageItems.PAGE))
                .stream()
                .map(e -> acknowledgedOnly ? hiddenUnlessAcknowledged(e) : e)
                .toList();
    }

    /** What a reader by grant sees of an item: only the status and level of one not acknowledged. */
    private static Coverage.Ref hiddenUnlessAcknowledged(Coverage.Ref e) {
        return e.status() == EvidenceStatus.ACKNOWLEDGED
                ? e
                : new Coverage.Ref(null, null, null, e.status(), e.levelKey());
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
}
