package app.rungs.calibration.service;

import app.rungs.calibration.domain.SessionStatus;
import java.time.Instant;

/** One session as listed on the sessions page, with how far its ratings are. */
public record SessionRow(
        Long id,
        String name,
        String cycle,
        SessionStatus status,
        String facilitatorName,
        int engineers,
        int proposed,
        int rated,
        Instant createdAt) {}
