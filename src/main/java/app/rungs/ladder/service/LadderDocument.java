package app.rungs.ladder.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Ladder-as-code: the file form of one ladder version (schema {@value #SCHEMA}). See docs/ladder-yaml-schema.md.
 * Field order here is the order written on export, which keeps export → import → export byte-identical. The branch
 * fields (readiness rule, tracks, a level's track and electives, a competency's applicability and weight) are optional
 * on import, so older files keep their meaning; export writes the rule always and the others when they differ from
 * their defaults.
 */
@JsonPropertyOrder({"schema", "name", "description", "readinessRule", "tracks", "tiers", "areas"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LadderDocument(
        String schema,
        String name,
        String description,
        RuleDoc readinessRule,
        List<TrackDoc> tracks,
        List<TierDoc> tiers,
        List<AreaDoc> areas) {

    public static final String SCHEMA = "rungs.ladder/v1";

    /** A document without tracks and with the default readiness rule. */
    public LadderDocument(String schema, String name, String description, List<TierDoc> tiers, List<AreaDoc> areas) {
        this(schema, name, description, null, null, tiers, areas);
    }

    /** The same document under another name. */
    public LadderDocument named(String newName) {
        return new LadderDocument(schema, newName, description, readinessRule, tracks, tiers, areas);
    }

    /** The same document with other tiers (e.g. levels carrying pay bands); tracks and the rule are kept. */
    public LadderDocument withTiers(List<TierDoc> newTiers) {
        return new LadderDocument(schema, name, description, readinessRule, tracks, newTiers, areas);
    }

    /** The same document under another name and description. */
    public LadderDocument described(String newName, String newDescription) {
        return new LadderDocument(schema, newName, newDescription, readinessRule, tracks, tiers, areas);
    }

    /** The readiness rule; absent parts take the default. */
    @JsonPropertyOrder({"currentCore", "targetPercent", "weighted"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RuleDoc(Boolean currentCore, Integer targetPercent, Boolean weighted) {

        ReadinessRule toRule() {
            var d = ReadinessRule.DEFAULT;
            return new ReadinessRule(
                    currentCore == null ? d.currentCore() : currentCore,
                    targetPercent == null ? d.targetPercent() : targetPercent,
                    weighted == null ? d.weighted() : weighted);
        }

        /** The file form of a rule, always written in full so a file states the rule it carries. */
        static RuleDoc of(ReadinessRule rule) {
            var r = rule == null ? ReadinessRule.DEFAULT : rule;
            return new RuleDoc(r.currentCore(), r.targetPercent(), r.weighted());
        }
    }

    /** A branch: its levels name it in {@code track}; it follows level {@code forksFrom} (absent: the bottom). */
    @JsonPropertyOrder({"key", "name", "description", "forksFrom"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TrackDoc(String key, String name, String description, String forksFrom) {}

    @JsonPropertyOrder({"key", "name", "description", "levels"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TierDoc(String key, String name, String description, List<LevelDoc> levels) {}

    @JsonPropertyOrder({"key", "title", "track", "electivesRequired", "scope", "impact", "typicalExperience", "payBands"
    })
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LevelDoc(
            String key,
            String title,
            String scope,
            String impact,
            String typicalExperience,
            String track,
            Integer electivesRequired,
            List<PayBandDoc> payBands) {

        /** A shared level asking no electives, without pay bands. */
        public LevelDoc(String key, String title, String scope, String impact, String typicalExperience) {
            this(key, title, scope, impact, typicalExperience, null, null, null);
        }

        /** A level without pay bands (files before bands existed, and every export an engineer makes). */
        public LevelDoc(
                String key,
                String title,
                String scope,
                String impact,
                String typicalExperience,
                String track,
                Integer electivesRequired) {
            this(key, title, scope, impact, typicalExperience, track, electivesRequired, null);
        }

        /** The same level with other pay bands. */
        public LevelDoc withPayBands(List<PayBandDoc> bands) {
            return new LevelDoc(key, title, scope, impact, typicalExperience, track, electivesRequired, bands);
        }
    }

    /** A level's optional pay band in one currency: whole amounts, effective from a YYYY-MM-DD date. */
    @JsonPropertyOrder({"currency", "min", "mid", "max", "effective"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PayBandDoc(String currency, Long min, Long mid, Long max, String effective) {}

    @JsonPropertyOrder({"key", "name", "description", "competencies"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AreaDoc(String key, String name, String description, List<CompetencyDoc> competencies) {}

    @JsonPropertyOrder({"key", "name", "description", "applicability", "specializations", "weight", "expectations"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CompetencyDoc(
            String key,
            String name,
            String description,
            List<String> specializations,
            List<ExpectationDoc> expectations,
            String applicability,
            Integer weight) {

        /** A core competency of weight 1. */
        public CompetencyDoc(
                String key,
                String name,
                String description,
                List<String> specializations,
                List<ExpectationDoc> expectations) {
            this(key, name, description, specializations, expectations, null, null);
        }
    }

    @JsonPropertyOrder({"level", "statement", "examples", "notExpected"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExpectationDoc(String level, String statement, String examples, Boolean notExpected) {}
}
