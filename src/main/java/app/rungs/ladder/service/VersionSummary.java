package app.rungs.ladder.service;

import app.rungs.ladder.domain.VersionStatus;
import java.time.Instant;

/** A row of a ladder's version history. */
public record VersionSummary(
        Long id,
        int number,
        VersionStatus status,
        String changeNote,
        Instant createdAt,
        String createdBy,
        Instant publishedAt,
        String publishedBy) {}
