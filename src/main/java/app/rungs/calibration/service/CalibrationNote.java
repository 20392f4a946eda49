package app.rungs.calibration.service;

import java.time.Instant;

/**
 * What a calibration committee recorded about one engineer beyond the published outcome: proposals, rationale and
 * private notes. Never shown to the engineer; only an admin's data export may include it.
 */
public record CalibrationNote(
        Long sessionId,
        String sessionName,
        String cycle,
        String status,
        String proposedRating,
        String proposalRationale,
        String proposedBy,
        String finalRating,
        String decision,
        String feedback,
        String notes,
        Instant updatedAt) {}
