package app.rungs.ladder.service;

import app.rungs.ladder.domain.Applicability;
import app.rungs.ladder.domain.ExpectationKind;
import app.rungs.ladder.domain.SpecializationTrack;
import app.rungs.ladder.domain.VersionStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable snapshot of one ladder version, loaded in a fixed number of queries. Views and exports work on it;
 * it also resolves inherited expectations.
 */
public record LadderContent(
        VersionInfo version,
        List<TierView> tiers,
        List<LevelView> levels,
        List<TrackView> tracks,
        List<AreaView> areas,
        List<CompetencyView> competencies,
        List<ExpectationView> expectations) {

    public record VersionInfo(
            Long id,
            Long ladderId,
            String ladderName,
            String ladderDescription,
            int number,
            VersionStatus status,
            String changeNote,
            Instant createdAt,
            String createdBy,
            Instant publishedAt,
            String publishedBy,
            long version,
            ReadinessRule rule) {}

    public record TierView(Long id, String key, String name, String description, int position) {}

    public record LevelView(
            Long id,
            String key,
            String title,
            String tierKey,
            int position,
            String scope,
            String impact,
            String typicalExperience,
            String trackKey,
            int electivesRequired) {}

    /**
     * A branch of the ladder: its levels (those whose track key is {@code key}) follow {@code forksFromLevelKey}
     * (null: the track starts at the bottom).
     */
    public record TrackView(
            Long id, String key, String name, String description, String forksFromLevelKey, int position) {}

    public record AreaView(Long id, String key, String name, String description, int position) {}

    public record CompetencyView(
            Long id,
            String key,
            String name,
            String description,
            String areaKey,
            List<SpecializationTrack> specializations,
            int position,
            Applicability applicability,
            int weight) {}

    public record ExpectationView(
            Long id,
            String competencyKey,
            String levelKey,
            ExpectationKind kind,
            String statement,
            String examples,
            long version) {}

    /**
     * What a level asks of a competency after inheritance.
     *
     * @param definedAt the level whose expectation applies (this level, or a lower one it inherits from)
     * @param inherited true when defined at a lower level
     */
    public record Resolved(
            CompetencyView competency,
            LevelView level,
            ExpectationView expectation,
            LevelView definedAt,
            boolean inherited) {

        public boolean expected() {
            return expectation != null && expectation.kind() == ExpectationKind.EXPECTED;
        }
    }

    public Optional<LevelView> level(String key) {
        return levels.stream().filter(l -> l.key().equals(key)).findFirst();
    }

    public Optional<CompetencyView> competency(String key) {
        return competencies.stream().filter(c -> c.key().equals(key)).findFirst();
    }

    public Optional<TierView> tier(String key) {
        return tiers.stream().filter(t -> t.key().equals(key)).findFirst();
    }

    public Optional<AreaView> area(String key) {
        return areas.stream().filter(a -> a.key().equals(key)).findFirst();
    }

    public List<LevelView> levelsOf(String tierKey) {
        return levels.stream().filter(l -> l.tierKey().equals(tierKey)).toList();
    }

    public List<CompetencyView> competenciesOf(String areaKey) {
        return competencies.stream().filter(c -> c.areaKey().equals(areaKey)).toList();
    }

    /** The explicit expectation at exactly this cell, if any. */
    public Optional<ExpectationView> explicit(String competencyKey, String levelKey) {
        return Optional.ofNullable(index().get(competencyKey + "\u0000" + levelKey));
    }

    /**
     * Resolves the expectation of a cell: the explicit one, or the nearest lower level's on the level's own path (a
     * track level inherits from the shared levels below its fork, never from another track's levels).
     */
    public Resolved resolve(String competencyKey, String levelKey) {
        var competency = competency(competencyKey).orElseThrow();
        var level = level(levelKey).orElseThrow();
        return resolve(competency, level, LadderPaths.lineOf(this, level), index());
    }

    private static Resolved resolve(
            CompetencyView competency, LevelView level, List<LevelView> line, Map<String, ExpectationView> byCell) {
        for (int i = line.indexOf(level); i >= 0; i--) {
            var candidate = line.get(i);
            var e = byCell.get(competency.key() + "\u0000" + candidate.key());
            if (e != null) {
                return new Resolved(competency, level, e, candidate, candidate != level);
            }
        }
        return new Resolved(competency, level, null, null, false);
    }

    /** Everything a level asks, inherited expectations included, in matrix order, whoever the person is. */
    public List<Resolved> requirementsOf(String levelKey) {
        var level = level(levelKey).orElseThrow();
        var line = LadderPaths.lineOf(this, level);
        var byCell = index();
        var result = new ArrayList<Resolved>();
        for (var c : competencies) {
            var r = resolve(c, level, line, byCell);
            if (r.expected()) {
                result.add(r);
            }
        }
        return result;
    }

    /** What a level asks of a person on this path: expected and applicable to them (electives included). */
    public List<Resolved> requirementsOf(String levelKey, PersonPath path) {
        return requirementsOf(levelKey).stream()
                .filter(r -> applies(r.competency(), path))
                .toList();
    }

    /** Core and elective competencies apply to everyone; track-specific ones to their specializations only. */
    public boolean applies(CompetencyView competency, PersonPath path) {
        return switch (competency.applicability()) {
            case CORE, ELECTIVE -> true;
            case TRACK ->
                path != null
                        && path.specialization() != null
                        && competency.specializations().contains(path.specialization());
        };
    }

    public Optional<TrackView> track(String key) {
        return key == null
                ? Optional.empty()
                : tracks.stream().filter(t -> t.key().equals(key)).findFirst();
    }

    /** The version's readiness rule. */
    public ReadinessRule rule() {
        return version.rule();
    }

    /**
     * The levels of a track in climbing order: the path up to its fork level, then the track's own levels. A null
     * or unknown track is the shared line (levels on no track).
     */
    public List<LevelView> path(String trackKey) {
        return LadderPaths.path(this, trackKey);
    }

    /** What must be fixed before this version can be published; empty when it is ready. */
    public List<String> publishChecks() {
        return PublishChecks.of(this);
    }

    /** The level directly above on the shared line (or on the level's own track), if any. */
    public Optional<LevelView> next(String levelKey) {
        return next(levelKey, null);
    }

    /**
     * The level directly above on a person's path: a level on a track climbs its own track; a shared level climbs
     * the given track when the track passes through it, otherwise the shared line.
     */
    public Optional<LevelView> next(String levelKey, String trackKey) {
        return LadderPaths.next(this, levelKey, trackKey);
    }

    /** Every level directly above this one, one per branch (the line it is on, and each track forking from it). */
    public List<LevelView> nextOptions(String levelKey) {
        return LadderPaths.nextOptions(this, levelKey);
    }

    private Map<String, ExpectationView> index() {
        var map = new HashMap<String, ExpectationView>(expectations.size() * 2);
        for (var e : expectations) {
            map.put(e.competencyKey() + "\u0000" + e.levelKey(), e);
        }
        return map;
    }
}
