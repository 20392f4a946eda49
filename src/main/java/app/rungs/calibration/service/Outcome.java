package app.rungs.calibration.service;

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
        Instant publishedAt) {}
