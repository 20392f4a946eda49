package app.rungs.ladder.api;

import app.rungs.ladder.service.LadderContent;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A published ladder version as JSON: schema "rungs.framework/v1". Fields are only ever added to this version of the
 * schema; renaming or removing one would make a "v2". Holds the framework only, nothing about people (not even who
 * published it), so the same document serves the public framework site.
 */
@Schema(name = "Framework", description = "One version of a career ladder (schema rungs.framework/v1)")
public record FrameworkJson(
        @Schema(example = "rungs.framework/v1") String schema,
        LadderRef ladder,
        VersionRef version,
        List<Tier> tiers,
        List<Level> levels,
        List<Track> tracks,
        List<Area> areas,
        List<Competency> competencies,
        List<Expectation> expectations,
        Readiness readinessRule) {

    public static final String SCHEMA = "rungs.framework/v1";

    public record LadderRef(Long id, String name, String description) {}

    public record VersionRef(int number, String status, Instant publishedAt, String changeNote) {}

    public record Tier(String key, String name, String description, int position) {}

    public record Level(
            String key,
            String title,
            String tier,

            @Schema(description = "Null for levels on the shared line")
            String track,

            int position,
            String scope,
            String impact,
            String typicalExperience,

            @Schema(description = "How many elective competencies the level asks for")
            int electivesRequired) {}

    public record Track(
            String key,
            String name,
            String description,

            @Schema(description = "The shared level the track branches from; null when it starts at the bottom")
            String forksFromLevel,

            int position) {}

    public record Area(String key, String name, String description, int position) {}

    public record Competency(
            String key,
            String name,
            String description,
            String area,

            @Schema(allowableValues = {"CORE", "ELECTIVE", "TRACK"})
            String applicability,

            List<String> specializations,
            int weight,
            int position) {}

    public record Expectation(
            String competency,
            String level,

            @Schema(description = "EXPECTED or another kind of the ladder's vocabulary")
            String kind,

            String statement,
            String examples) {}

    public record Readiness(
            @Schema(description = "Every core expectation of the current level must be backed by evidence")
            boolean currentCore,

            @Schema(description = "Share (0-100) of the next level's expectations to back")
            int targetPercent,

            @Schema(description = "The share counts competency weights instead of expectations")
            boolean weighted) {}

    public static FrameworkJson of(LadderContent c) {
        var v = c.version();
        var rule = c.rule();
        return new FrameworkJson(
                SCHEMA,
                new LadderRef(v.ladderId(), v.ladderName(), v.ladderDescription()),
                new VersionRef(v.number(), v.status().name(), v.publishedAt(), v.changeNote()),
                c.tiers().stream()
                        .map(t -> new Tier(t.key(), t.name(), t.description(), t.position()))
                        .toList(),
                c.levels().stream()
                        .map(l -> new Level(
                                l.key(),
                                l.title(),
                                l.tierKey(),
                                l.trackKey(),
                                l.position(),
                                l.scope(),
                                l.impact(),
                                l.typicalExperience(),
                                l.electivesRequired()))
                        .toList(),
                c.tracks().stream()
                        .map(t -> new Track(t.key(), t.name(), t.description(), t.forksFromLevelKey(), t.position()))
                        .toList(),
                c.areas().stream()
                        .map(a -> new Area(a.key(), a.name(), a.description(), a.position()))
                        .toList(),
                c.competencies().stream()
                        .map(x -> new Competency(
                                x.key(),
                                x.name(),
                                x.description(),
                                x.areaKey(),
                                x.applicability().name(),
                                x.specializations().stream().map(Enum::name).toList(),
                                x.weight(),
                                x.position()))
                        .toList(),
                c.expectations().stream()
                        .map(e -> new Expectation(
                                e.competencyKey(), e.levelKey(), e.kind().name(), e.statement(), e.examples()))
                        .toList(),
                new Readiness(rule.currentCore(), rule.targetPercent(), rule.weighted()));
    }
}
