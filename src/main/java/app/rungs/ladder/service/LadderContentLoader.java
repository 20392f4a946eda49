package app.rungs.ladder.service;

import app.rungs.ladder.domain.Competency;
import app.rungs.ladder.domain.CompetencyArea;
import app.rungs.ladder.domain.CompetencyAreaRepository;
import app.rungs.ladder.domain.CompetencyRepository;
import app.rungs.ladder.domain.ExpectationRepository;
import app.rungs.ladder.domain.LadderVersion;
import app.rungs.ladder.domain.Level;
import app.rungs.ladder.domain.LevelRepository;
import app.rungs.ladder.domain.Tier;
import app.rungs.ladder.domain.TierRepository;
import app.rungs.ladder.domain.TrackRepository;
import app.rungs.ladder.domain.VersionStatus;
import app.rungs.ladder.service.LadderContent.AreaView;
import app.rungs.ladder.service.LadderContent.CompetencyView;
import app.rungs.ladder.service.LadderContent.ExpectationView;
import app.rungs.ladder.service.LadderContent.LevelView;
import app.rungs.ladder.service.LadderContent.TierView;
import app.rungs.ladder.service.LadderContent.TrackView;
import app.rungs.ladder.service.LadderContent.VersionInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns a version row into {@link LadderContent}. The parts of a published or retired version never change again
 * (nothing leads back to a draft, see {@code VersionAction}), so they are read once per version and then served from
 * a bounded in-memory cache; another instance can only ever hold the same parts, so nothing needs invalidating. The
 * header (ladder name, status, row version) can still change and always comes fresh from the version row the caller
 * read. Drafts are never cached.
 */
@Component
class LadderContentLoader {

    /** Versions whose parts stay in memory; a ladder has one current version, older ones are read rarely. */
    static final int CAPACITY = 64;

    private final TierRepository tiers;
    private final LevelRepository levels;
    private final CompetencyAreaRepository areas;
    private final CompetencyRepository competencies;
    private final ExpectationRepository expectations;
    private final TrackRepository tracks;
    private final Map<Long, Parts> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Parts> eldest) {
            return size() > CAPACITY;
        }
    };

    LadderContentLoader(
            TierRepository tiers,
            LevelRepository levels,
            CompetencyAreaRepository areas,
            CompetencyRepository competencies,
            ExpectationRepository expectations,
            TrackRepository tracks) {
        this.tiers = tiers;
        this.levels = levels;
        this.areas = areas;
        this.competencies = competencies;
        this.expectations = expectations;
        this.tracks = tracks;
    }

    /** The content of a version whose row (with its ladder) the caller has read. */
    LadderContent load(LadderVersion v) {
        var parts = v.getStatus() == VersionStatus.DRAFT ? null : cached(v.getId());
        if (parts == null) {
            parts = read(v.getId());
            if (v.getStatus() != VersionStatus.DRAFT) {
                remember(v.getId(), parts);
            }
        }
        return parts.with(header(v));
    }

    /** Forgets every cached version; they are read again on demand (how a test measures a cold read). */
    void clear() {
        synchronized (cache) {
            cache.clear();
        }
    }

    int cachedVersions() {
        synchronized (cache) {
            return cache.size();
        }
    }

    private Parts cached(Long versionId) {
        synchronized (cache) {
            return cache.get(versionId);
        }
    }

    /**
     * Remembers the parts once the reading transaction has committed: a version published in a transaction that
     * then rolls back is still a draft, and its parts must not outlive that.
     */
    private void remember(Long versionId, Parts parts) {
        Runnable put = () -> {
            synchronized (cache) {
                cache.put(versionId, parts);
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    put.run();
                }
            });
        } else {
            put.run();
        }
    }

    private static VersionInfo header(LadderVersion v) {
        var ladder = v.getLadder();
        return new VersionInfo(
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
                v.getVersion(),
                new ReadinessRule(v.isRuleCurrentCore(), v.getRuleTargetPercent(), v.isRuleWeighted()));
    }

    private Parts read(Long versionId) {
        var tierList = tiers.findByVersion(versionId);
        var tierKeys = tierList.stream().collect(Collectors.toMap(Tier::getId, Tier::getKey));
        var areaList = areas.findByVersion(versionId);
        var areaKeys = areaList.stream().collect(Collectors.toMap(CompetencyArea::getId, CompetencyArea::getKey));
        var levelList = levels.findByVersion(versionId);
        var levelKeys = levelList.stream().collect(Collectors.toMap(Level::getId, Level::getKey));
        var compList = competencies.findByVersion(versionId);
        var compKeys = compList.stream().collect(Collectors.toMap(Competency::getId, Competency::getKey));
        // Competencies come ordered by area position then own position (see repository).
        return new Parts(
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
                                l.getTypicalExperience(),
                                l.getTrackKey(),
                                l.getElectivesRequired()))
                        .toList(),
                tracks.findByVersion(versionId).stream()
                        .map(t -> new TrackView(
                                t.getId(),
                                t.getKey(),
                                t.getName(),
                                t.getDescription(),
                                t.getForksFromLevelKey(),
                                t.getPosition()))
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
                                c.getPosition(),
                                c.getApplicability(),
                                c.getWeight()))
                        .toList(),
                expectations.findByVersion(versionId).stream()
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

    /** Everything of a version but its header: immutable once the version is published. */
    private record Parts(
            List<TierView> tiers,
            List<LevelView> levels,
            List<TrackView> tracks,
            List<AreaView> areas,
            List<CompetencyView> competencies,
            List<ExpectationView> expectations) {

        LadderContent with(VersionInfo header) {
            return new LadderContent(header, tiers, levels, tracks, areas, competencies, expectations);
        }
    }
}
