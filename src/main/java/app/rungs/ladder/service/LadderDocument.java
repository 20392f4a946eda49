package app.rungs.ladder.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Ladder-as-code: the file form of one ladder version (schema {@value #SCHEMA}). See docs/ladder-yaml-schema.md.
 * Field order here is the order written on export, which keeps export → import → export byte-identical.
 */
@JsonPropertyOrder({"schema", "name", "description", "tiers", "areas"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LadderDocument(String schema, String name, String description, List<TierDoc> tiers, List<AreaDoc> areas) {

    public static final String SCHEMA = "rungs.ladder/v1";

    @JsonPropertyOrder({"key", "name", "description", "levels"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TierDoc(String key, String name, String description, List<LevelDoc> levels) {}

    @JsonPropertyOrder({"key", "title", "scope", "impact", "typicalExperience", "payBands"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LevelDoc(
            String key,
            String title,
            String scope,
            String impact,
            String typicalExperience,
            List<PayBandDoc> payBands) {

        /** A level without pay bands (files before bands existed, and every export an engineer makes). */
        public LevelDoc(String key, String title, String scope, String impact, String typicalExperience) {
            this(key, title, scope, impact, typicalExperience, null);
        }
    }

    /** A level's optional pay band in one currency: whole amounts, effective from a YYYY-MM-DD date. */
    @JsonPropertyOrder({"currency", "min", "mid", "max", "effective"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PayBandDoc(String currency, Long min, Long mid, Long max, String effective) {}

    @JsonPropertyOrder({"key", "name", "description", "competencies"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AreaDoc(String key, String name, String description, List<CompetencyDoc> competencies) {}

    @JsonPropertyOrder({"key", "name", "description", "specializations", "expectations"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CompetencyDoc(
            String key,
            String name,
            String description,
            List<String> specializations,
            List<ExpectationDoc> expectations) {}

    @JsonPropertyOrder({"level", "statement", "examples", "notExpected"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExpectationDoc(String level, String statement, String examples, Boolean notExpected) {}
}
