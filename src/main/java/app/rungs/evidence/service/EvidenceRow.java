package app.rungs.evidence.service;

import app.rungs.evidence.domain.EvidenceSource;
import app.rungs.evidence.domain.EvidenceStatus;
import app.rungs.evidence.domain.EvidenceType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One item as listed in grids; {@code source} is the system its draft arrived from, if any. */
public record EvidenceRow(
        Long id,
        Long ownerId,
        EvidenceType type,
        String title,
        LocalDate occurredOn,
        String levelKey,
        List<String> competencyKeys,
        EvidenceStatus status,
        int revision,
        Instant submittedAt,
        Instant updatedAt,
        String reviewComment,
        long version,
        EvidenceSource source) {}
