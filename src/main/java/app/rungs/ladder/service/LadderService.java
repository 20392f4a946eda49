package app.rungs.ladder.service;

import app.rungs.ladder.domain.CompetencyRepository;
import app.rungs.ladder.domain.LadderRepository;
import app.rungs.ladder.domain.LadderRow;
import app.rungs.ladder.domain.LadderVersion;
import app.rungs.ladder.domain.LadderVersionRepository;
import app.rungs.ladder.domain.LevelRepository;
import app.rungs.ladder.domain.VersionStatus;
import app.rungs.security.domain.Role;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading ladders and their versions: the ladders list, published content, history and diffs. Published versions
 * never change, so their content comes from {@link LadderContentLoader}'s cache after the first read. Changing
 * ladders is the job of {@link LadderLifecycleService}, {@link LadderDraftService}, {@link LadderStructureService}
 * and {@link LadderFileService}.
 */
@Service
public class LadderService {

    private final LadderRepository ladders;
    private final LadderVersionRepository versions;
    private final LevelRepository levels;
    private final CompetencyRepository competencies;
    private final LadderTemplates templates;
    private final ObjectProvider<LadderPlacement> placement;
    private final LadderContentLoader loader;

    LadderService(
            LadderRepository ladders,
            LadderVersionRepository versions,
            LevelRepository levels,
            CompetencyRepository competencies,
            LadderTemplates templates,
            ObjectProvider<LadderPlacement> placement,
            LadderContentLoader loader) {
        this.ladders = ladders;
        this.versions = versions;
        this.levels = levels;
        this.competencies = competencies;
        this.templates = templates;
        this.placement = placement;
        this.loader = loader;
    }

    // ---------------------------------------------------------------- reading

    /**
     * Every ladder, current ones first by name; few enough per organization to list in one go. Admins see drafts
     * and ladders not yet published; everyone else only published ladders, without anything about their drafts.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<LadderSummary> list() {
        return summaries(rows(Pageable.unpaged()));
    }

    /** One page of the ladders list, in a constant number of statements whatever the number of ladders. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<LadderSummary> list(int offset, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return summaries(rows(new OffsetPage(offset, limit)));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public long count() {
        return CurrentUser.require().has(Role.ADMIN) ? ladders.count() : versions.countLaddersWithPublishedVersion();
    }

    private List<LadderRow> rows(Pageable page) {
        if (CurrentUser.require().has(Role.ADMIN)) {
            return versions.findRows(page);
        }
        return versions.findPublishedRows(page).stream()
                .map(r -> new LadderRow(
                        r.id(),
                        r.name(),
                        r.description(),
                        r.retired(),
                        r.version(),
                        r.publishedVersionId(),
                        r.publishedNumber(),
                        r.publishedAt(),
                        null,
                        null))
                .toList();
    }

    private List<LadderSummary> summaries(List<LadderRow> rows) {
        var counted = new HashMap<Long, Long>();
        for (var row : rows) {
            var versionId = row.publishedVersionId() != null ? row.publishedVersionId() : row.draftVersionId();
            if (versionId != null) {
                counted.put(row.id(), versionId);
            }
        }
        var levelCounts = new HashMap<Long, Long>();
        var competencyCounts = new HashMap<Long, Long>();
        if (!counted.isEmpty()) {
            levels.countByVersions(counted.values()).forEach(c -> levelCounts.put(c.versionId(), c.count()));
            competencies.countByVersions(counted.values()).forEach(c -> competencyCounts.put(c.versionId(), c.count()));
        }
        return rows.stream()
                .map(row -> {
                    var versionId = counted.get(row.id());
                    return new LadderSummary(
                            row.id(),
                            row.name(),
                            row.description(),
                            row.retired(),
                            row.publishedVersionId(),
                            row.publishedNumber(),
                            row.publishedAt(),
                            row.draftVersionId(),
                            row.draftNumber(),
                            versionId == null
                                    ? 0
                                    : levelCounts.getOrDefault(versionId, 0L).intValue(),
                            versionId == null
                                    ? 0
                                    : competencyCounts
                                            .getOrDefault(versionId, 0L)
                                            .intValue(),
                            row.version());
                })
                .toList();
    }

    /** True when no ladder has this name yet (names are unique, ignoring case). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public boolean isNameFree(String name) {
        return name != null && ladders.findByName(name.strip()).isEmpty();
    }

    /** The built-in templates an admin can adopt. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public List<LadderTemplates.Template> templates() {
        return templates.list();
    }

    /** The signed-in person's ladder and level, when they hold one. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Optional<LadderPlacement.Placement> myPlacement() {
        return placement.stream().findFirst().flatMap(LadderPlacement::mine);
    }

    /** The ladder to show someone who asks for "the ladder": their own if it is published, else the first published. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Optional<Long> defaultLadderId() {
        var mine = myPlacement().map(LadderPlacement.Placement::ladderId);
        if (mine.isPresent()
                && versions.findByLadderAndStatus(mine.get(), VersionStatus.PUBLISHED)
                        .isPresent()) {
            return mine;
        }
        return versions.findPublishedLadderIds(new OffsetPage(0, 1)).stream().findFirst();
    }

    /** What changed between two versions of one ladder; the older version is always the "from" side. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public LadderDiff diff(Long versionA, Long versionB) {
        var a = content(versionA);
        var b = content(versionB);
        if (!a.version().ladderId().equals(b.version().ladderId())) {
            throw new ValidationException("Only versions of the same ladder can be compared.");
        }
        return a.version().number() <= b.version().number() ? LadderDiff.between(a, b) : LadderDiff.between(b, a);
    }

    /** The current (published) content of a ladder. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Optional<LadderContent> published(Long ladderId) {
        return versions.findByLadderAndStatus(ladderId, VersionStatus.PUBLISHED).map(loader::load);
    }

    /** Any version; drafts are visible to admins only. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public LadderContent content(Long versionId) {
        var version =
                versions.findWithLadder(versionId).orElseThrow(() -> new NotFoundException("Ladder version not found"));
        if (version.isDraft() && !CurrentUser.require().has(Role.ADMIN)) {
            throw new NotFoundException("Ladder version not found");
        }
        return loader.load(version);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<VersionSummary> history(Long ladderId) {
        boolean admin = CurrentUser.require().has(Role.ADMIN);
        return versions.findByLadder(ladderId).stream()
                .filter(v -> admin || !v.isDraft())
                .map(LadderService::summary)
                .toList();
    }

    /** One page of a ladder's version history, newest first; drafts only for admins. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<VersionSummary> history(Long ladderId, int offset, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        boolean admin = CurrentUser.require().has(Role.ADMIN);
        return versions.findPage(ladderId, admin, new OffsetPage(offset, limit)).stream()
                .map(LadderService::summary)
                .toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public long historyCount(Long ladderId) {
        return versions.countFor(ladderId, CurrentUser.require().has(Role.ADMIN));
    }

    /** A version by its number within a ladder; drafts are visible to admins only. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public LadderContent content(Long ladderId, int number) {
        var version = versions.findByLadderAndNumber(ladderId, number)
                .filter(v -> !v.isDraft() || CurrentUser.require().has(Role.ADMIN))
                .orElseThrow(() -> new NotFoundException("Version " + number + " of this ladder was not found"));
        return loader.load(version);
    }

    private static VersionSummary summary(LadderVersion v) {
        return new VersionSummary(
                v.getId(),
                v.getNumber(),
                v.getStatus(),
                v.getChangeNote(),
                v.getCreatedAt(),
                v.getCreatedBy(),
                v.getPublishedAt(),
                v.getPublishedBy());
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public Optional<Long> draftOf(Long ladderId) {
        return versions.findByLadderAndStatus(ladderId, VersionStatus.DRAFT).map(LadderVersion::getId);
    }

    /** Ladder-as-code form of a version, for export. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public LadderDocument document(Long versionId) {
        return LadderDocuments.toDocument(content(versionId));
    }
}
