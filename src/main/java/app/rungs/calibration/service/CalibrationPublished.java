package app.rungs.calibration.service;

import java.util.List;

/**
 * A session was published: each engineer's outcome as they are told it (final rating and promotion decision, never
 * the committee's notes). Published inside the publishing transaction.
 */
public record CalibrationPublished(Long sessionId, String cycle, List<EngineerOutcome> outcomes) {

    public CalibrationPublished {
        outcomes = List.copyOf(outcomes);
    }

    /** What one engineer is told: "Final rating: Strong. Promotion to DSE-3: approved, effective 2026-07-01." */
    public record EngineerOutcome(Long personId, String summary) {}
}
