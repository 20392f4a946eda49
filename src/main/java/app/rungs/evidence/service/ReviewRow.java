package app.rungs.evidence.service;

import app.rungs.evidence.domain.EvidenceType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A submitted item waiting in a manager's review inbox. */
public record ReviewRow(
        Long id,
        Long ownerId,
        String ownerName,
        String teamName,
        String ownerLevelKey,
        Long ladderId,
        EvidenceType type,
        String title,
        LocalDate occurredOn,
        String levelKey,
        List<String> competencyKeys,
        int revision,
        Instant submittedAt,
        long version) {}
