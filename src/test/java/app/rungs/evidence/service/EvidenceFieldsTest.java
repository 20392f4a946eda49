package app.rungs.evidence.service;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.evidence.domain.EvidenceType;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Normalization and validation of the type-specific fields, without Spring. */
class EvidenceFieldsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 5, 1);

    @Test
    void normalizingStripsDropsBlanksAndKeepsOnlyTickedBooleans() {
        var raw = new HashMap<String, String>();
        raw.put("coAuthors", "  M. Alvarez  ");
        raw.put("venue", "   ");
        raw.put("peerReviewed", "TRUE");
        raw.put("nonsense", " x ");
        var normalized = EvidenceFields.normalize(EvidenceType.PUBLICATION, raw);
        assertThat(normalized).containsEntry("coAuthors", "M. Alvarez");
        assertThat(normalized).doesNotContainKey("venue");
        assertThat(normalized).containsEntry("peerReviewed", "true");
        // Unknown keys survive normalization so validation can name them.
        assertThat(normalized).containsEntry("nonsense", "x");
        assertThat(EvidenceFields.normalize(EvidenceType.PUBLICATION, Map.of("peerReviewed", "false")))
                .doesNotContainKey("peerReviewed");
        assertThat(EvidenceFields.normalize(EvidenceType.OTHER, null)).isEmpty();
    }

    @Test
    void validationNamesUnknownFieldsMissingRequiredOnesAndBadValues() {
        var problems = EvidenceFields.validate(
                EvidenceType.INCIDENT_POSTMORTEM,
                Map.of("incidentDate", "yesterday", "severity", "SEV9", "bogus", "x"),
                TODAY);
        assertThat(problems).anyMatch(p -> p.contains("\"bogus\" is not a field"));
        assertThat(problems).anyMatch(p -> p.startsWith("Incident id is required"));
        assertThat(problems).anyMatch(p -> p.equals("Incident date must be a date (YYYY-MM-DD)."));
        assertThat(problems).anyMatch(p -> p.startsWith("Severity must be one of: SEV1 — critical"));
    }

    @Test
    void crossChecksCatchImpossibleCombinations() {
        var mentoring = EvidenceFields.validate(
                EvidenceType.MENTORING,
                EvidenceFields.normalize(EvidenceType.MENTORING, Map.of("from", "2026-03-01", "until", "2026-02-01")),
                TODAY);
        assertThat(mentoring).contains("Mentoring cannot end before it starts.");
        var incident =
                EvidenceFields.validate(EvidenceType.INCIDENT_POSTMORTEM, Map.of("incidentDate", "2026-06-01"), TODAY);
        assertThat(incident).contains("Incident date cannot be in the future.");
    }
}
