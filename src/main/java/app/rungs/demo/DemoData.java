package app.rungs.demo;

import app.rungs.evidence.domain.EvidenceType;
import app.rungs.ladder.domain.SpecializationTrack;
import app.rungs.promotion.domain.SignOff;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The demo organization's content, read from YAML under {@code src/main/resources/demo/}: typed records and the
 * reader. Unknown or missing keys fail with the file and the key named, so a typo in the data cannot go unnoticed.
 */
final class DemoData {

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private DemoData() {}

    // ------------------------------------------------------------------------------------------- organization.yaml

    record Organization(
            String ladderTemplate,
            Admin admin,
            List<String> levels,
            String organization,
            Hire director,
            List<Team> teams) {}

    record Admin(String username, String name) {}

    record Team(String name, Hire manager, List<Hire> engineers) {}

    /** A person of the demo organization: today's level and the tenure their history is derived from. */
    /**
     * @param track the specialization
     * @param path the track key on the ladder (the person's path), null for the shared line
     */
    record Hire(String name, String title, String level, SpecializationTrack track, int yearsAgo, String path) {}

    // ----------------------------------------------------------------------------------------------- evidence.yaml

    record EvidenceFile(List<Evidence> items) {}

    enum Outcome {
        DRAFT,
        SUBMITTED,
        ACKNOWLEDGED,
        RETURNED
    }

    record Evidence(
            String owner,
            String reviewer,
            EvidenceType type,
            String title,
            int daysAgo,
            String level,
            List<String> competencies,
            String description,
            String impact,
            List<String> links,
            LinkedHashMap<String, String> details,
            Outcome outcome,
            String review,
            List<String> attachments,
            List<Comment> comments) {
        Evidence {
            links = links == null ? List.of() : links;
            details = details == null ? new LinkedHashMap<>() : details;
            attachments = attachments == null ? List.of() : attachments;
            comments = comments == null ? List.of() : comments;
        }
    }

    record Comment(String by, String text) {}

    // --------------------------------------------------------------------------------------------- promotions.yaml

    record Promotions(List<Case> cases) {}

    record Case(
            String person,
            String by,
            String level,
            String cycle,
            String reason,
            LinkedHashMap<String, String> narratives,
            List<String> reviewers,
            List<Step> steps) {
        Case {
            if (!Set.of("current", "last").contains(cycle)) {
                throw new IllegalArgumentException(
                        "The case of " + person + " has cycle '" + cycle + "'; use 'current' or 'last'");
            }
            narratives = narratives == null ? new LinkedHashMap<>() : narratives;
            reviewers = reviewers == null ? List.of() : reviewers;
            steps = steps == null ? List.of() : steps;
        }

        boolean selfNomination() {
            return person.equals(by);
        }
    }

    /** The actions a promotion step may take. */
    static final Set<String> ACTIONS =
            Set.of("comment", "committee-note", "submit", "sign-off", "start-calibration", "approve", "not-yet");

    record Step(String as, @JsonProperty("do") String action, SignOff decision, String text) {
        Step {
            if (!ACTIONS.contains(action)) {
                throw new IllegalArgumentException("Unknown promotion step '" + action + "'; use one of "
                        + ACTIONS.stream().sorted().toList());
            }
            if (action.equals("sign-off") && decision == null) {
                throw new IllegalArgumentException("A sign-off by " + as + " needs a decision");
            }
        }
    }

    // -------------------------------------------------------------------------------------------- calibration.yaml

    record Calibration(
            String chair,
            List<String> teams,
            String sessionName,
            List<String> managers,
            String defaultRating,
            Map<String, String> rationales,
            LastCycle last,
            CurrentCycle current) {}

    record LastCycle(Map<String, String> ratings, List<Adjustment> adjustments) {}

    record Adjustment(String person, String finalRating, String notes) {}

    record CurrentCycle(Map<String, String> ratings, Map<String, Integer> unproposed, Map<String, String> rationales) {}

    // -------------------------------------------------------------------------------------------- pre-ratings.yaml

    /** Per participant (by name), their blind pre-rating per engineer (by name). */
    record PreRatings(String sessionName, Map<String, Map<String, String>> raters) {}

    // ------------------------------------------------------------------------------------------------------ reading

    static Organization organization() {
        return read("organization.yaml", Organization.class);
    }

    static List<Evidence> evidence() {
        return read("evidence.yaml", EvidenceFile.class).items();
    }

    static List<Case> promotions() {
        return read("promotions.yaml", Promotions.class).cases();
    }

    static Calibration calibration() {
        return read("calibration.yaml", Calibration.class);
    }

    static DemoCycles.File cycles() {
        return read("cycles.yaml", DemoCycles.File.class);
    }

    static PreRatings preRatings() {
        return read("pre-ratings.yaml", PreRatings.class);
    }

    static byte[] attachment(String name) {
        return bytes("attachments/" + name);
    }

    /** Reads one YAML file of {@code demo/} into its record. */
    static <T> T read(String file, Class<T> type) {
        return parse(file, new String(bytes(file), java.nio.charset.StandardCharsets.UTF_8), type);
    }

    /** Parses YAML text; the file name only labels errors. */
    static <T> T parse(String file, String yaml, Class<T> type) {
        try {
            return MAPPER.readValue(yaml, type);
        } catch (JacksonException e) {
            throw new IllegalStateException("demo/" + file + " is not valid demo data: " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("demo/" + file + " is not valid demo data: " + e.getMessage(), e);
        }
    }

    private static byte[] bytes(String path) {
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/" + path)) {
            if (in == null) {
                throw new IllegalStateException("Missing demo resource demo/" + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
