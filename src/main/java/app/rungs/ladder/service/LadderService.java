package app.rungs.ladder.service;

import app.rungs.audit.service.AuditService;
import app.rungs.ladder.domain.Competency;
import app.rungs.ladder.domain.CompetencyArea;
import app.rungs.ladder.domain.CompetencyAreaRepository;
import app.rungs.ladder.domain.CompetencyRepository;
import app.rungs.ladder.domain.Expectation;
import app.rungs.ladder.domain.ExpectationKind;
import app.rungs.ladder.domain.ExpectationRepository;
import app.rungs.ladder.domain.Ladder;
import app.rungs.ladder.domain.LadderRepository;
import app.rungs.ladder.domain.LadderRow;
import app.rungs.ladder.domain.LadderVersion;
import app.rungs.ladder.domain.LadderVersionRepository;
import app.rungs.ladder.domain.Level;
import app.rungs.ladder.domain.LevelRepository;
import app.rungs.ladder.domain.SpecializationTrack;
import app.rungs.ladder.domain.Tier;
import app.rungs.ladder.domain.TierRepository;
import app.rungs.ladder.domain.VersionStatus;
import app.rungs.ladder.service.LadderContent.AreaView;
import app.rungs.ladder.service.LadderContent.CompetencyView;
import app.rungs.ladder.service.LadderContent.ExpectationView;
import app.rungs.ladder.service.LadderContent.LevelView;
import app.rungs.ladder.service.LadderContent.TierView;
import app.rungs.ladder.service.LadderContent.VersionInfo;
import app.rungs.security.domain.Role;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ladders and their versions. Published versions never change: editing works on a draft copied from the current
 * version, and publishing makes the draft current while the previous version stays readable as RETIRED.
 */
@Service
public class LadderService {

    private final LadderRepository ladders;
    private final LadderVersionRepository versions;
    private final TierRepository tiers;
    private final LevelRepository levels;
    private final CompetencyAreaRepository areas;
    private final CompetencyRepository competencies;
    private final ExpectationRepository expectations;
    private final AuditService audit;
    private final LadderTemplates templates;
    private final ObjectProvider<LevelOccupancy> occupancy;
    private final ObjectProvider<LadderPlacement> placement;
    private final Clock clock;
    private final LadderYaml yaml = new LadderYaml();
    private final LadderCsv csv = new LadderCsv();
    private final LadderMarkdown markdown = new LadderMarkdown();

    LadderService(
            LadderRepository ladders,
            LadderVersionRepository versions,
            TierRepository tiers,
            LevelRepository levels,
            CompetencyAreaRepository areas,
            CompetencyRepository competencies,
            ExpectationRepository expectations,
            AuditService audit,
            LadderTemplates templates,
            ObjectProvider<LevelOccupancy> occupancy,
            ObjectProvider<LadderPlacement> placement,
            Clock clock) {
        this.ladders = ladders;
        this.versions = versions;
        this.tiers = tiers;
        this.levels = levels;
        this.areas = areas;
        this.competencies = competencies;
        this.expectations = expectations;
        this.audit = audit;
        this.templates = templates;
        this.occupancy = occupancy;
        this.placement = placement;
        this.clock = clock;
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
        return versions.findByLadderAndStatus(ladderId, VersionStatus.PUBLISHED).map(this::load);
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
        return load(version);
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
        return load(version);
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

    /** Any version as a file: YAML (lossless ladder-as-code), flat CSV, or a Markdown handbook page. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public LadderFile export(Long versionId, LadderFormat format) {
        var content = content(versionId);
        var text = switch (format) {
            case YAML -> yaml.write(LadderDocuments.toDocument(content));
            case CSV -> csv.write(LadderDocuments.toDocument(content));
            case MARKDOWN -> markdown.write(content);
        };
        var v = content.version();
        var base = LadderFileText.lowerKey(v.ladderName(), 60);
        var fileName = (base.isEmpty() ? "ladder" : base) + "-v" + v.number()
                + (v.status() == VersionStatus.DRAFT ? "-draft" : "") + "." + format.extension();
        return new LadderFile(fileName, format.contentType(), text.getBytes(StandardCharsets.UTF_8));
    }

    private LadderContent load(LadderVersion v) {
        var ladder = v.getLadder();
        var tierList = tiers.findByVersion(v.getId());
        var tierKeys = tierList.stream().collect(Collectors.toMap(Tier::getId, Tier::getKey));
        var areaList = areas.findByVersion(v.getId());
        var areaKeys = areaList.stream().collect(Collectors.toMap(CompetencyArea::getId, CompetencyArea::getKey));
        var levelList = levels.findByVersion(v.getId());
        var levelKeys = levelList.stream().collect(Collectors.toMap(Level::getId, Level::getKey));
        var compList = competencies.findByVersion(v.getId());
        var compKeys = compList.stream().collect(Collectors.toMap(Competency::getId, Competency::getKey));
        // Competencies come ordered by area position then own position (see repository).
        return new LadderContent(
                new VersionInfo(
                        v.getId(),
                        ladder.getId(),
                        ladder.getName(),
                        ladder.getDescription(),
                        v.getNumber(),
                        v.getStatus(),
                        v.getChangeNote(),
                        v.getCreatedAt(),
                        v.getCreatedBy(),
                        v.getPublishedAt(),
                        v.getPublishedBy(),
                        v.getVersion()),
                tierList.stream()
                        .map(t -> new TierView(t.getId(), t.getKey(), t.getName(), t.getDescription(), t.getPosition()))
                        .toList(),
                levelList.stream()
                        .map(l -> new LevelView(
                                l.getId(),
                                l.getKey(),
                                l.getTitle(),
                                tierKeys.get(l.getTier().getId()),
                                l.getPosition(),
                                l.getScope(),
                                l.getImpact(),
                                l.getTypicalExperience()))
                        .toList(),
                areaList.stream()
                        .map(a -> new AreaView(a.getId(), a.getKey(), a.getName(), a.getDescription(), a.getPosition()))
                        .toList(),
                compList.stream()
                        .map(c -> new CompetencyView(
                                c.getId(),
                                c.getKey(),
                                c.getName(),
                                c.getDescription(),
                                areaKeys.get(c.getArea().getId()),
                                c.getSpecializations(),
                                c.getPosition()))
                        .toList(),
                expectations.findByVersion(v.getId()).stream()
                        .map(e -> new ExpectationView(
                                e.getId(),
                                compKeys.get(e.getCompetency().getId()),
                                levelKeys.get(e.getLevel().getId()),
                                e.getKind(),
                                e.getStatement(),
                                e.getExamples(),
                                e.getVersion()))
                        .toList());
    }

    // ---------------------------------------------------------------- creating

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public Long createBlank(String name, String description) {
        var ladder = newLadder(name, description);
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
        var ladder = newLadder(ladderName, doc.description());
        var version = versions.save(new LadderVersion(ladder, 1, CurrentUser.actorName()));
        version.setChangeNote("Adopted from the built-in template \"" + doc.name() + "\"");
        persist(version, doc);
        version.markPublished(CurrentUser.actorName(), Instant.now(clock));
        audit.record(
                "LADDER_CREATED",
                "Ladder",
                ladder.getId(),
                "Adopted template " + templateId + " as " + ladderName + " (version 1 published)",
                null,
                Map.of("name", ladderName, "template", templateId));
        return ladder.getId();
    }

    /**
     * Imports an uploaded YAML or CSV file as a new ladder whose version 1 is a draft to review and publish. A YAML
     * file names its ladder; {@code name} overrides it and is required for CSV. All or nothing: a file with any problem
     * changes nothing, and the exception names every problem's line. Returns the draft's version id.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public Long importNewLadder(String fileName, byte[] bytes, String name) {
        var format = LadderFormat.ofFileName(fileName);
        var override = blankToNull(name);
        LadderDocument doc;
        if (format == LadderFormat.YAML) {
            doc = yaml.readValidated(bytes);
            if (override != null) {
                doc = new LadderDocument(doc.schema(), override, doc.description(), doc.tiers(), doc.areas());
            }
        } else {
            if (override == null) {
                throw new ValidationException("Give the new ladder a name; a CSV file carries no ladder name.");
            }
            doc = csv.readValidated(bytes, override, null, null);
        }
        return importAsNewLadder(doc, fileName);
    }

    /**
     * Imports an uploaded YAML or CSV file as the new draft of an existing ladder. An existing draft is replaced only
     * when {@code expectedDraftVersion} matches it (null when the caller saw no draft). CSV carries the matrix only;
     * descriptions, scope and impact of parts with unchanged keys are kept from the ladder's latest version. Returns
     * the new draft's version id.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public Long importIntoDraft(Long ladderId, Long expectedDraftVersion, String fileName, byte[] bytes) {
        var ladder = ladders.findById(ladderId).orElseThrow(() -> new NotFoundException("Ladder not found"));
        var format = LadderFormat.ofFileName(fileName);
        var existingDraft = versions.findByLadderAndStatus(ladderId, VersionStatus.DRAFT);
        if (existingDraft.isPresent()
                ? expectedDraftVersion == null || existingDraft.get().getVersion() != expectedDraftVersion
                : expectedDraftVersion != null) {
            throw new ConcurrentEditException("The draft of " + ladder.getName());
        }
        LadderDocument doc;
        if (format == LadderFormat.YAML) {
            doc = yaml.readValidated(bytes);
        } else {
            var latest = existingDraft.or(() -> versions.findByLadderAndStatus(ladderId, VersionStatus.PUBLISHED));
            var base = latest.map(v -> LadderDocuments.toDocument(load(v))).orElse(null);
            doc = csv.readValidated(bytes, ladder.getName(), ladder.getDescription(), base);
        }
        return importAsDraft(ladderId, doc, fileName);
    }

    /** Imports a file as a new ladder; its first version is a draft to review and publish. Returns the version id. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public Long importAsNewLadder(LadderDocument doc, String source) {
        requireValid(doc);
        var ladder = newLadder(doc.name(), doc.description());
        var version = versions.save(new LadderVersion(ladder, 1, CurrentUser.actorName()));
        version.setChangeNote("Imported from " + source);
        persist(version, doc);
        audit.record(
                "LADDER_IMPORTED",
                "Ladder",
                ladder.getId(),
                "Imported " + source + " as new ladder " + ladder.getName(),
                null,
                Map.of("name", ladder.getName(), "source", source));
        return version.getId();
    }

    /** Imports a file as the new draft of an existing ladder, replacing an existing draft. Returns the version id. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public Long importAsDraft(Long ladderId, LadderDocument doc, String source) {
        requireValid(doc);
        var ladder = ladders.findById(ladderId).orElseThrow(() -> new NotFoundException("Ladder not found"));
        if (ladder.isRetired()) {
            throw new ValidationException("Ladder " + ladder.getName() + " is retired; it takes no new drafts.");
        }
        // A bulk delete (the database cascades to the draft's parts): parts loaded earlier in this transaction, for
        // example as the base of a CSV import, must not be flushed against a removed version.
        versions.findByLadderAndStatus(ladderId, VersionStatus.DRAFT)
                .ifPresent(d -> versions.deleteAllInBatch(List.of(d)));
        checkRemovedLevelsUnheld(
                ladderId,
                doc.tiers().stream()
                        .flatMap(t -> t.levels().stream())
                        .map(LadderDocument.LevelDoc::key)
                        .toList());
        var version =
                versions.save(new LadderVersion(ladder, versions.maxNumber(ladderId) + 1, CurrentUser.actorName()));
        version.setChangeNote("Imported from " + source);
        persist(version, doc);
        audit.record(
                "LADDER_DRAFT_IMPORTED",
                "Ladder",
                ladderId,
                "Imported " + source + " as draft version " + version.getNumber() + " of " + ladder.getName(),
                null,
                Map.of("version", version.getNumber(), "source", source));
        return version.getId();
    }

    private static void requireValid(LadderDocument doc) {
        var problems = LadderDocumentValidator.validate(doc, (pointer, field) -> "Field " + field);
        if (!problems.isEmpty()) {
            throw new ImportException(problems);
        }
    }

    private Ladder newLadder(String name, String description) {
        if (name == null || name.isBlank()) {
            throw new ValidationException("Give the ladder a name.");
        }
        if (name.strip().length() > 200) {
            throw new ValidationException("A ladder name is at most 200 characters long.");
        }
        if (ladders.findByName(name.strip()).isPresent()) {
            throw new ValidationException(
                    "A ladder named \"" + name.strip() + "\" already exists; choose another name.");
        }
        return ladders.save(
                new Ladder(name.strip(), description == null || description.isBlank() ? null : description.strip()));
    }

    private void persist(LadderVersion version, LadderDocument doc) {
        int tierPos = 0;
        int levelPos = 0;
        var levelByKey = new HashMap<String, Level>();
        for (var t : doc.tiers()) {
            var tier =
                    tiers.save(new Tier(version, t.key(), t.name().strip(), blankToNull(t.description()), tierPos++));
            for (var l : t.levels()) {
                var level = new Level(version, tier, l.key(), l.title().strip(), levelPos++);
                level.setScope(blankToNull(l.scope()));
                level.setImpact(blankToNull(l.impact()));
                level.setTypicalExperience(blankToNull(l.typicalExperience()));
                levelByKey.put(l.key(), levels.save(level));
            }
        }
        if (doc.areas() == null) {
            return;
        }
        int areaPos = 0;
        var newExpectations = new ArrayList<Expectation>();
        for (var a : doc.areas()) {
            var area = areas.save(
                    new CompetencyArea(version, a.key(), a.name().strip(), blankToNull(a.description()), areaPos++));
            if (a.competencies() == null) {
                continue;
            }
            int compPos = 0;
            for (var c : a.competencies()) {
                var competency = new Competency(version, area, c.key(), c.name().strip(), compPos++);
                competency.setDescription(blankToNull(c.description()));
                competency.setSpecializations(
                        c.specializations() == null
                                ? List.of()
                                : c.specializations().stream()
                                        .map(SpecializationTrack::valueOf)
                                        .toList());
                competencies.save(competency);
                if (c.expectations() == null) {
                    continue;
                }
                for (var e : c.expectations()) {
                    boolean notExpected = Boolean.TRUE.equals(e.notExpected());
                    newExpectations.add(new Expectation(
                            version,
                            competency,
                            levelByKey.get(e.level()),
                            notExpected ? ExpectationKind.NOT_EXPECTED : ExpectationKind.EXPECTED,
                            notExpected ? null : e.statement().strip(),
                            notExpected ? null : blankToNull(e.examples())));
                }
            }
        }
        expectations.saveAll(newExpectations);
    }

    // ---------------------------------------------------------------- lifecycle

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
        ladder.setDescription(blankToNull(description));
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
        long holders = occupancy.stream()
                .mapToLong(o -> o.holdersByLevel(ladderId).values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .sum();
        if (holders > 0) {
            throw new ValidationException("Ladder " + ladder.getName() + " cannot be retired while " + holders
                    + (holders == 1 ? " person holds" : " people hold")
                    + " one of its levels. Move them to another ladder first.");
        }
        ladder.setRetired(true);
        versions.findByLadderAndStatus(ladderId, VersionStatus.DRAFT).ifPresent(versions::delete);
        versions.findByLadderAndStatus(ladderId, VersionStatus.PUBLISHED)
                .ifPresent(v -> v.setStatus(VersionStatus.RETIRED));
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
        persist(draft, LadderDocuments.toDocument(load(current)));
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
        if (draft(versionId).getVersion() != expectedVersion) {
            throw new ConcurrentEditException("The draft");
        }
        discardDraft(versionId);
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void discardDraft(Long versionId) {
        var draft = draft(versionId);
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
        return PublishChecks.of(load(draft(versionId)));
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void publish(Long versionId, long expectedVersion, String changeNote) {
        var draft = draft(versionId);
        if (draft.getVersion() != expectedVersion) {
            throw new ConcurrentEditException("The draft");
        }
        var content = load(draft);
        var problems = PublishChecks.of(content);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        var ladderId = draft.getLadder().getId();
        checkRemovedLevelsUnheld(
                ladderId, content.levels().stream().map(LevelView::key).toList());
        versions.findByLadderAndStatus(ladderId, VersionStatus.PUBLISHED).ifPresent(old -> {
            old.setStatus(VersionStatus.RETIRED);
            versions.flush();
        });
        if (changeNote != null && !changeNote.isBlank()) {
            draft.setChangeNote(changeNote.strip());
        }
        draft.markPublished(CurrentUser.actorName(), Instant.now(clock));
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

    private void checkRemovedLevelsUnheld(Long ladderId, List<String> keptLevelKeys) {
        var held = occupancy.stream()
                .flatMap(o -> o.holdersByLevel(ladderId).entrySet().stream())
                .filter(e -> e.getValue() > 0 && !keptLevelKeys.contains(e.getKey()))
                .map(e -> e.getKey() + " (" + e.getValue() + (e.getValue() == 1 ? " person)" : " people)"))
                .toList();
        if (!held.isEmpty()) {
            throw new ValidationException("These levels are removed but people still hold them: "
                    + String.join(", ", held) + ". Move those people to another level first.");
        }
    }

    // ---------------------------------------------------------------- editing a draft

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void setExpectation(
            Long versionId,
            String competencyKey,
            String levelKey,
            ExpectationKind kind,
            String statement,
            String examples,
            Long expectedRowVersion) {
        var draft = draft(versionId);
        var content = load(draft);
        var competency = byKey(competencies.findByVersion(versionId), Competency::getKey, competencyKey, "Competency");
        var level = byKey(levels.findByVersion(versionId), Level::getKey, levelKey, "Level");
        if (kind == ExpectationKind.EXPECTED && (statement == null || statement.isBlank())) {
            throw new ValidationException("Write what " + level.getKey() + " expects, or mark it as not expected.");
        }
        if (statement != null && statement.length() > LadderDocumentValidator.MAX_TEXT
                || examples != null && examples.length() > LadderDocumentValidator.MAX_TEXT) {
            throw new ValidationException(
                    "Statements and examples are at most " + LadderDocumentValidator.MAX_TEXT + " characters long.");
        }
        var existing = content.explicit(competencyKey, levelKey);
        var before = existing.map(e -> (Object) expectationMap(e.kind(), e.statement(), e.examples()))
                .orElse(null);
        if (existing.isPresent()) {
            if (expectedRowVersion == null || existing.get().version() != expectedRowVersion) {
                throw new ConcurrentEditException("The expectation " + competencyKey + " at " + levelKey);
            }
            var entity = expectations.findById(existing.get().id()).orElseThrow();
            entity.update(
                    kind,
                    kind == ExpectationKind.EXPECTED ? statement.strip() : null,
                    kind == ExpectationKind.EXPECTED ? blankToNull(examples) : null);
        } else {
            if (expectedRowVersion != null) {
                throw new ConcurrentEditException("The expectation " + competencyKey + " at " + levelKey);
            }
            expectations.save(new Expectation(
                    draft,
                    competency,
                    level,
                    kind,
                    kind == ExpectationKind.EXPECTED ? statement.strip() : null,
                    kind == ExpectationKind.EXPECTED ? blankToNull(examples) : null));
        }
        expectations.flush();
        audit.record(
                "EXPECTATION_SET",
                "LadderVersion",
                versionId,
                competencyKey + " at " + levelKey + " in draft " + draft.getNumber() + " of "
                        + draft.getLadder().getName(),
                before,
                expectationMap(kind, statement, examples));
    }

    /** Removes the explicit expectation of a cell, so the cell inherits from the level below again. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void clearExpectation(Long versionId, String competencyKey, String levelKey, long expectedRowVersion) {
        var draft = draft(versionId);
        var existing = load(draft)
                .explicit(competencyKey, levelKey)
                .orElseThrow(() -> new ConcurrentEditException("The expectation " + competencyKey + " at " + levelKey));
        if (existing.version() != expectedRowVersion) {
            throw new ConcurrentEditException("The expectation " + competencyKey + " at " + levelKey);
        }
        expectations.deleteById(existing.id());
        audit.record(
                "EXPECTATION_CLEARED",
                "LadderVersion",
                versionId,
                competencyKey + " at " + levelKey + " now inherits, in draft " + draft.getNumber() + " of "
                        + draft.getLadder().getName(),
                expectationMap(existing.kind(), existing.statement(), existing.examples()),
                null);
    }

    /** Replaces the structure of a draft (tiers, levels, areas, competencies) and its expectations in one step. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void replaceDraft(Long versionId, long expectedVersion, LadderDocument doc) {
        var draft = draft(versionId);
        if (draft.getVersion() != expectedVersion) {
            throw new ConcurrentEditException("The draft");
        }
        requireValid(doc);
        var ladderId = draft.getLadder().getId();
        checkRemovedLevelsUnheld(
                ladderId,
                doc.tiers().stream()
                        .flatMap(t -> t.levels().stream())
                        .map(LadderDocument.LevelDoc::key)
                        .toList());
        var before = LadderDocuments.toDocument(load(draft));
        expectations.deleteAllInBatch(expectations.findByVersion(versionId));
        competencies.deleteAllInBatch(competencies.findByVersion(versionId));
        areas.deleteAllInBatch(areas.findByVersion(versionId));
        levels.deleteAllInBatch(levels.findByVersion(versionId));
        tiers.deleteAllInBatch(tiers.findByVersion(versionId));
        persist(draft, doc);
        draft.setChangeNote(draft.getChangeNote());
        versions.save(draft);
        versions.flush();
        audit.record(
                "LADDER_DRAFT_EDITED",
                "LadderVersion",
                versionId,
                "Edited the structure of draft " + draft.getNumber() + " of "
                        + draft.getLadder().getName(),
                LadderDocuments.summary(before),
                LadderDocuments.summary(doc));
    }

    private LadderVersion draft(Long versionId) {
        var v = versions.findWithLadder(versionId).orElseThrow(() -> new NotFoundException("Ladder version not found"));
        if (!v.isDraft()) {
            throw new ValidationException("Version " + v.getNumber() + " of "
                    + v.getLadder().getName() + " is " + v.getStatus().name().toLowerCase()
                    + " and cannot be changed; start a new draft instead.");
        }
        return v;
    }

    private static <T> T byKey(List<T> items, Function<T, String> key, String wanted, String what) {
        return items.stream()
                .filter(i -> key.apply(i).equals(wanted))
                .findFirst()
                .orElseThrow(() -> new NotFoundException(what + " " + wanted + " is not part of this version"));
    }

    private static Map<String, Object> expectationMap(ExpectationKind kind, String statement, String examples) {
        var map = new LinkedHashMap<String, Object>();
        map.put("kind", kind.name());
        map.put("statement", statement);
        map.put("examples", examples);
        return map;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
