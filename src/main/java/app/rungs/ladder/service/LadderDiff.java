package app.rungs.ladder.service;

import app.rungs.ladder.domain.ExpectationKind;
import app.rungs.ladder.domain.SpecializationTrack;
import app.rungs.ladder.domain.VersionStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * What changed between two versions of one ladder: levels and competencies added, removed or changed, and every
 * explicit expectation added, removed or changed (by competency and level key, which stay stable across versions).
 *
 * @param from the older version compared
 * @param to the newer version compared
 */
public record LadderDiff(
        VersionRef from,
        VersionRef to,
        RuleChange rule,
        List<TrackChange> tracks,
        List<LevelChange> levels,
        List<CompetencyChange> competencies,
        List<ExpectationChange> expectations) {

    public enum Change {
        ADDED,
        REMOVED,
        CHANGED
    }

    public record VersionRef(Long id, int number, VersionStatus status, String changeNote, Instant publishedAt) {}

    /** The readiness rule before and after, present only when it changed. */
    public record RuleChange(ReadinessRule before, ReadinessRule after) {}

    /** A track that appeared, disappeared, or changed name, description or fork level. */
    public record TrackChange(Change change, String key, String name, List<String> fields) {}

    /** A level that appeared, disappeared, or changed title, tier, scope, impact or typical experience. */
    public record LevelChange(Change change, String key, String title, List<String> fields) {}

    /** A competency that appeared, disappeared, or changed name, description, area or specializations. */
    public record CompetencyChange(Change change, String key, String name, String areaName, List<String> fields) {}

    /** What a level states for a competency, as written at that level (not inherited). */
    public record Statement(ExpectationKind kind, String statement, String examples) {
        public boolean expected() {
            return kind == ExpectationKind.EXPECTED;
        }
    }

    /** What a level asked without an explicit expectation of its own: the expectation of a lower level. */
    public record Carried(String fromLevel, Statement statement) {}

    /**
     * An explicit expectation that was added, removed or changed; before/after are null when absent. Where one side has
     * no explicit expectation, carriedBefore/carriedAfter say what that level asked through inheritance, if anything.
     */
    public record ExpectationChange(
            Change change,
            String competencyKey,
            String competencyName,
            String levelKey,
            Statement before,
            Statement after,
            Carried carriedBefore,
            Carried carriedAfter) {}

    public boolean isEmpty() {
        return rule == null && tracks.isEmpty() && levels.isEmpty() && competencies.isEmpty() && expectations.isEmpty();
    }

    public long count(Change change) {
        return (rule != null && change == Change.CHANGED ? 1 : 0)
                + tracks.stream().filter(c -> c.change() == change).count()
                + levels.stream().filter(c -> c.change() == change).count()
                + competencies.stream().filter(c -> c.change() == change).count()
                + expectations.stream().filter(c -> c.change() == change).count();
    }

    /** Compares two loaded versions; {@code from} is normally the older one. */
    static LadderDiff between(LadderContent from, LadderContent to) {
        var levelChanges = new ArrayList<LevelChange>();
        for (var before : from.levels()) {
            var after = to.level(before.key());
            if (after.isEmpty()) {
                levelChanges.add(new LevelChange(Change.REMOVED, before.key(), before.title(), List.of()));
                continue;
            }
            var fields = new ArrayList<String>();
            var a = after.get();
            diffField(fields, "title", before.title(), a.title());
            diffField(
                    fields,
                    "tier",
                    from.tier(before.tierKey()).map(t -> t.name()).orElse(before.tierKey()),
                    to.tier(a.tierKey()).map(t -> t.name()).orElse(a.tierKey()));
            diffField(fields, "scope", before.scope(), a.scope());
            diffField(fields, "impact", before.impact(), a.impact());
            diffField(fields, "typical experience", before.typicalExperience(), a.typicalExperience());
            diffField(fields, "track", trackName(from, before.trackKey()), trackName(to, a.trackKey()));
            if (before.electivesRequired() != a.electivesRequired()) {
                fields.add("electives required " + before.electivesRequired() + " → " + a.electivesRequired());
            }
            if (from.levels().indexOf(before) != to.levels().indexOf(a)) {
                fields.add("position");
            }
            if (!fields.isEmpty()) {
                levelChanges.add(new LevelChange(Change.CHANGED, a.key(), a.title(), List.copyOf(fields)));
            }
        }
        for (var after : to.levels()) {
            if (from.level(after.key()).isEmpty()) {
                levelChanges.add(new LevelChange(Change.ADDED, after.key(), after.title(), List.of()));
            }
        }

        var competencyChanges = new ArrayList<CompetencyChange>();
        for (var before : from.competencies()) {
            var after = to.competency(before.key());
            if (after.isEmpty()) {
                competencyChanges.add(new CompetencyChange(
                        Change.REMOVED, before.key(), before.name(), areaName(from, before.areaKey()), List.of()));
                continue;
            }
            var a = after.get();
            var fields = new ArrayList<String>();
            diffField(fields, "name", before.name(), a.name());
            diffField(fields, "description", before.description(), a.description());
            diffField(fields, "area", areaName(from, before.areaKey()), areaName(to, a.areaKey()));
            if (!new LinkedHashSet<SpecializationTrack>(before.specializations())
                    .equals(new LinkedHashSet<>(a.specializations()))) {
                fields.add("specializations");
            }
            if (before.applicability() != a.applicability()) {
                fields.add("applicability " + before.applicability().label().toLowerCase() + " → "
                        + a.applicability().label().toLowerCase());
            }
            if (before.weight() != a.weight()) {
                fields.add("weight " + before.weight() + " → " + a.weight());
            }
            if (!fields.isEmpty()) {
                competencyChanges.add(new CompetencyChange(
                        Change.CHANGED, a.key(), a.name(), areaName(to, a.areaKey()), List.copyOf(fields)));
            }
        }
        for (var after : to.competencies()) {
            if (from.competency(after.key()).isEmpty()) {
                competencyChanges.add(new CompetencyChange(
                        Change.ADDED, after.key(), after.name(), areaName(to, after.areaKey()), List.of()));
            }
        }

        var expectationChanges = new ArrayList<ExpectationChange>();
        // Walk the newer matrix order first, then cells that exist only in the older version.
        for (var competency : to.competencies()) {
            for (var level : to.levels()) {
                var after = to.explicit(competency.key(), level.key()).map(LadderDiff::statement);
                var before = from.explicit(competency.key(), level.key()).map(LadderDiff::statement);
                if (after.isPresent() && before.isEmpty()) {
                    expectationChanges.add(new ExpectationChange(
                            Change.ADDED,
                            competency.key(),
                            competency.name(),
                            level.key(),
                            null,
                            after.get(),
                            carried(from, competency.key(), level.key()),
                            null));
                } else if (after.isPresent() && !after.get().equals(before.get())) {
                    expectationChanges.add(new ExpectationChange(
                            Change.CHANGED,
                            competency.key(),
                            competency.name(),
                            level.key(),
                            before.get(),
                            after.get(),
                            null,
                            null));
                }
            }
        }
        for (var competency : from.competencies()) {
            for (var level : from.levels()) {
                var before = from.explicit(competency.key(), level.key());
                if (before.isPresent()
                        && (to.competency(competency.key()).isEmpty()
                                || to.level(level.key()).isEmpty()
                                || to.explicit(competency.key(), level.key()).isEmpty())) {
                    expectationChanges.add(new ExpectationChange(
                            Change.REMOVED,
                            competency.key(),
                            competency.name(),
                            level.key(),
                            statement(before.get()),
                            null,
                            null,
                            carried(to, competency.key(), level.key())));
                }
            }
        }
        return new LadderDiff(
                ref(from),
                ref(to),
                from.rule().equals(to.rule()) ? null : new RuleChange(from.rule(), to.rule()),
                trackChanges(from, to),
                List.copyOf(levelChanges),
                List.copyOf(competencyChanges),
                List.copyOf(expectationChanges));
    }

    private static List<TrackChange> trackChanges(LadderContent from, LadderContent to) {
        var changes = new ArrayList<TrackChange>();
        for (var before : from.tracks()) {
            var after = to.track(before.key());
            if (after.isEmpty()) {
                changes.add(new TrackChange(Change.REMOVED, before.key(), before.name(), List.of()));
                continue;
            }
            var fields = new ArrayList<String>();
            diffField(fields, "name", before.name(), after.get().name());
            diffField(fields, "description", before.description(), after.get().description());
            diffField(
                    fields,
                    "fork level",
                    before.forksFromLevelKey(),
                    after.get().forksFromLevelKey());
            if (!fields.isEmpty()) {
                changes.add(new TrackChange(
                        Change.CHANGED, before.key(), after.get().name(), List.copyOf(fields)));
            }
        }
        for (var after : to.tracks()) {
            if (from.track(after.key()).isEmpty()) {
                changes.add(new TrackChange(Change.ADDED, after.key(), after.name(), List.of()));
            }
        }
        return List.copyOf(changes);
    }

    private static String trackName(LadderContent content, String trackKey) {
        return trackKey == null
                ? "shared"
                : content.track(trackKey).map(LadderContent.TrackView::name).orElse(trackKey);
    }

    /** What a level asks through inheritance in a version, when it has no explicit expectation there. */
    private static Carried carried(LadderContent content, String competencyKey, String levelKey) {
        if (content.competency(competencyKey).isEmpty()
                || content.level(levelKey).isEmpty()) {
            return null;
        }
        var resolved = content.resolve(competencyKey, levelKey);
        return resolved.expectation() == null || !resolved.inherited()
                ? null
                : new Carried(resolved.definedAt().key(), statement(resolved.expectation()));
    }

    private static VersionRef ref(LadderContent c) {
        var v = c.version();
        return new VersionRef(v.id(), v.number(), v.status(), v.changeNote(), v.publishedAt());
    }

    private static Statement statement(LadderContent.ExpectationView e) {
        return new Statement(e.kind(), e.statement(), e.examples());
    }

    private static String areaName(LadderContent content, String areaKey) {
        return content.area(areaKey).map(LadderContent.AreaView::name).orElse(areaKey);
    }

    private static void diffField(List<String> fields, String name, String before, String after) {
        if (!Objects.equals(before, after)) {
            fields.add(name);
        }
    }
}
