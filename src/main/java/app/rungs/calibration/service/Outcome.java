package app.rungs.calibration.service;

import app.rungs.calibration.domain.CalibrationEntry;
import app.rungs.calibration.domain.CalibrationSession;
import app.rungs.calibration.domain.Decision;
import java.time.Instant;
import java.time.LocalDate;

/** What an engineer learns of a published session: the final rating and promotion decision, never the notes. */
public record Outcome(
        Long sessionId,
        String sessionName,
        String cycle,
        String finalRating,
        Decision decision,
        String targetLevelKey,
        String feedback,
        LocalDate effectiveDate,
        Instant publishedAt) {

    /** One row of {@code CalibrationEntryRepository.findPublishedOf}: the feedback only for "not yet". */
    static Outcome of(Object[] publishedRow) {
        var e = (CalibrationEntry) publishedRow[0];
        var s = (CalibrationSession) publishedRow[1];
        return new Outcome(
                s.getId(),
                s.getName(),
                s.getCycle(),
                e.getFinalRating(),
                e.getDecision(),
                e.getCaseTargetLevel(),
                e.getDecision() == Decision.NOT_YET ? e.getFeedback() : null,
                s.getEffectiveDate(),
                s.getPublishedAt());
    }
}
