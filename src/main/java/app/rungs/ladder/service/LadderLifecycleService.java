package app.rungs.ladder.service;

import app.rungs.audit.service.AuditService;
import app.rungs.ladder.domain.LadderRepository;
import app.rungs.ladder.domain.LadderVersion;
import app.rungs.ladder.domain.LadderVersionRepository;
import app.rungs.ladder.domain.VersionAction;
import app.rungs.ladder.domain.VersionStatus;
import app.rungs.ladder.service.LadderContent.LevelView;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of a ladder and its versions: creating a ladder, renaming and retiring it, starting, discarding and
 * publishing drafts. Which step a version may take in which status is {@link VersionAction}'s rule, checked by
 * {@link LadderVersion} itself.
 */
@Service
public class LadderLifecycleService {

    private final LadderRepository ladders;
    private final LadderVersionRepository versions;
    private final AuditService audit;
    private final LadderTemplates templates;
    private final LadderContentLoader loader;
    private final LadderDrafts drafts;
    private final Clock clock;

    LadderLifecycleService(
            LadderRepository ladders,
            LadderVersionRepository versions,
            AuditService audit,
            LadderTemplates templates,
            LadderContentLoader loader,
            LadderDrafts drafts,
            Clock clock) {
        this.ladders = ladders;
        this.versions = versions;
        this.audit = audit;
        this.templates = templates;
        this.loader = loader;
        this.drafts = drafts;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- creating

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public Long createBlank(String name, String description) {
        var ladder = drafts.newLadder(name, description);
        var version = versions.save(new LadderVersion(ladder, 1, CurrentUser.actorName()));
        audit.record(
                "LADDER_CREATED",
                "Ladder",
                ladder.getId(),
                "Created blank ladder " + ladder.getName(),
                null,
                Map.of("name", ladder.getName()));
        return version.getId();
    }

    /** Adopts a built-in template as a new ladder, published as version 1. Returns the ladder id. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public Long createFromTemplate(String templateId, String name) {
        var doc = templates.load(templateId);
        var ladderName = name == null || name.isBlank() ? doc.name() : name.strip();
        var ladder = drafts.newLadder(ladderName, doc.description());
        var version = versions.save(new LadderVersion(ladder, 1, CurrentUser.actorName()));
        version.setChangeNote("Adopted from the built-in template \"" + doc.name() + "\"");
        drafts.persist(version, doc);
        drafts.payBands().adoptTemplate(ladder.getId(), templateId);
        version.take(VersionAction.PUBLISH, CurrentUser.actorName(), Instant.now(clock), null);
        audit.record(
                "LADDER_CREATED",
                "Ladder",
                ladder.getId(),
                "Adopted template " + templateId + " as " + ladderName + " (version 1 published)",
                null,
                Map.of("name", ladderName, "template", templateId));
        return ladder.getId();
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void rename(Long ladderId, long expectedVersion, String name, String description) {
        var ladder = ladders.findById(ladderId).orElseThrow(() -> new NotFoundException("Ladder not found"));
        if (ladder.getVersion() != expectedVersion) {
            throw new ConcurrentEditException("Ladder " + ladder.getName());
        }
        if (name == null || name.isBlank()) {
            throw new ValidationException("Give the ladder a name.");
        }
        var clash = ladders.findByName(name.strip());
        if (clash.isPresent() && !clash.get().getId().equals(ladderId)) {
            throw new ValidationException(
                    "A ladder named \"" + name.strip() + "\" already exists; choose another name.");
        }
        var before = Map.of("name", ladder.getName(), "description", String.valueOf(ladder.getDescription()));
        ladder.setName(name.strip());
        ladder.setDescription(LadderDrafts.blankToNull(description));
        ladders.flush();
        audit.record(
                "LADDER_RENAMED",
                "Ladder",
                ladderId,
                "Renamed ladder to " + ladder.getName(),
                before,
                Map.of("name", ladder.getName(), "description", String.valueOf(ladder.getDescription())));
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void retire(Long ladderId) {
        var ladder = ladders.findById(ladderId).orElseThrow(() -> new NotFoundException("Ladder not found"));
        long holders = drafts.holders(ladderId);
        if (holders > 0) {
            throw new ValidationException("Ladder " + ladder.getName() + " cannot be retired while " + holders
                    + (holders == 1 ? " person holds" : " people hold")
                    + " one of its levels. Move them to another ladder first.");
        }
        ladder.setRetired(true);
        versions.findByLadderAndStatus(ladderId, VersionStatus.DRAFT).ifPresent(versions::delete);
        versions.findByLadderAndStatus(ladderId, VersionStatus.PUBLISHED)
                .ifPresent(v -> v.take(VersionAction.RETIRE, CurrentUser.actorName(), Instant.now(clock), null));
        audit.record(
                "LADDER_RETIRED",
                "Ladder",
                ladderId,
                "Retired ladder " + ladder.getName(),
                Map.of("retired", false),
                Map.of("retired", true));
    }

    /** Returns the ladder's draft, creating it as a copy of the current version when there is none. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public Long startDraft(Long ladderId) {
        var existing = versions.findByLadderAndStatus(ladderId, VersionStatus.DRAFT);
        if (existing.isPresent()) {
            return existing.get().getId();
        }
        var ladder = ladders.findById(ladderId).orElseThrow(() -> new NotFoundException("Ladder not found"));
        if (ladder.isRetired()) {
            throw new ValidationException("Ladder " + ladder.getName() + " is retired; it cannot be edited.");
        }
        var current = versions.findByLadderAndStatus(ladderId, VersionStatus.PUBLISHED)
                .orElseThrow(() ->
                        new ValidationException("Ladder " + ladder.getName() + " has no published version to edit."));
        var draft = versions.save(new LadderVersion(ladder, versions.maxNumber(ladderId) + 1, CurrentUser.actorName()));
        drafts.persist(draft, drafts.withPayBands(LadderDocuments.toDocument(loader.load(current)), current.getId()));
        audit.record(
                "LADDER_DRAFT_STARTED",
                "Ladder",
                ladderId,
                "Started draft version " + draft.getNumber() + " of " + ladder.getName(),
                null,
                Map.of("version", draft.getNumber()));
        return draft.getId();
    }

    /** Discards a draft unless its structure changed since the caller looked at it. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void discardDraft(Long versionId, long expectedVersion) {
        if (drafts.require(versionId, VersionAction.DISCARD).getVersion() != expectedVersion) {
            throw new ConcurrentEditException("The draft");
        }
        discardDraft(versionId);
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void discardDraft(Long versionId) {
        var draft = drafts.require(versionId, VersionAction.DISCARD);
        if (versions.findByLadderAndStatus(draft.getLadder().getId(), VersionStatus.PUBLISHED)
                .isEmpty()) {
            throw new ValidationException("Draft version " + draft.getNumber() + " is the only version of "
                    + draft.getLadder().getName() + "; discarding it would leave nothing. Edit it instead, or retire "
                    + "the ladder.");
        }
        versions.delete(draft);
        audit.record(
                "LADDER_DRAFT_DISCARDED",
                "Ladder",
                draft.getLadder().getId(),
                "Discarded draft version " + draft.getNumber() + " of "
                        + draft.getLadder().getName(),
                Map.of("version", draft.getNumber()),
                null);
    }

    /** Problems that block publishing; empty when the draft can be published. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public List<String> publishChecks(Long versionId) {
        return PublishChecks.of(loader.load(drafts.draft(versionId)));
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void publish(Long versionId, long expectedVersion, String changeNote) {
        var draft = drafts.require(versionId, VersionAction.PUBLISH);
        if (draft.getVersion() != expectedVersion) {
            throw new ConcurrentEditException("The draft");
        }
        var content = loader.load(draft);
        var problems = PublishChecks.of(content);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        var ladderId = draft.getLadder().getId();
        drafts.checkRemovedLevelsUnheld(
                ladderId, content.levels().stream().map(LevelView::key).toList());
        versions.findByLadderAndStatus(ladderId, VersionStatus.PUBLISHED).ifPresent(old -> {
            old.take(VersionAction.SUPERSEDE, CurrentUser.actorName(), Instant.now(clock), null);
            versions.flush();
        });
        draft.take(VersionAction.PUBLISH, CurrentUser.actorName(), Instant.now(clock), changeNote);
        versions.flush();
        audit.record(
                "LADDER_PUBLISHED",
                "Ladder",
                ladderId,
                "Published version " + draft.getNumber() + " of "
                        + draft.getLadder().getName(),
                null,
                Map.of("version", draft.getNumber(), "note", String.valueOf(draft.getChangeNote())));
    }
}
