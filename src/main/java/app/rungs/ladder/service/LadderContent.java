package app.rungs.ladder.service;

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
            long version) {}

    public record TierView(Long id, String key, String name, String description, int position) {}

    public record LevelView(
            Long id,
            String key,
            String title,
            String tierKey,
            int position,
            String scope,
            String impact,
            String typicalExperience) {}

    public record AreaView(Long id, String key, String name, String description, int position) {}

    public record CompetencyView(
            Long id,
            String key,
            String name,
            String description,
            String areaKey,
            List<SpecializationTrack> specializations,
            int position) {}

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

    /** Resolves the expectation of a cell: the explicit one, or the nearest lower level's. */
    public Resolved resolve(String competencyKey, String levelKey) {
        var competency = competency(competencyKey).orElseThrow();
        var level = level(levelKey).orElseThrow();
        var byCell = index();
        for (int i = levels.indexOf(level); i >= 0; i--) {
            var candidate = levels.get(i);
            var e = byCell.get(competencyKey + "\u0000" + candidate.key());
            if (e != null) {
                return new Resolved(competency, level, e, candidate, candidate != level);
            }
        }
        return new Resolved(competency, level, null, null, false);
    }

    /** Everything a level asks, inherited expectations included, in matrix order. */
    public List<Resolved> requirementsOf(String levelKey) {
        var result = new ArrayList<Resolved>();
        for (var c : competencies) {
            var r = resolve(c.key(), levelKey);
            if (r.expected()) {
                result.add(r);
            }
        }
        return result;
    }

    /** What must be fixed before this version can be published; empty when it is ready. */
    public List<String> publishChecks() {
        return PublishChecks.of(this);
    }

    /** The level directly above, if any. */
    public Optional<LevelView> next(String levelKey) {
        var level = level(levelKey);
        if (level.isEmpty()) {
            return Optional.empty();
        }
        int i = levels.indexOf(level.get());
        return i + 1 < levels.size() ? Optional.of(levels.get(i + 1)) : Optional.empty();
    }

    private Map<String, ExpectationView> index() {
        var map = new HashMap<String, ExpectationView>(expectations.size() * 2);
        for (var e : expectations) {
            map.put(e.competencyKey() + "\u0000" + e.levelKey(), e);
        }
        return map;
    }
}
