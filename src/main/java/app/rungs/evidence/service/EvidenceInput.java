package app.rungs.evidence.service;

import app.rungs.evidence.domain.EvidenceType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What an engineer enters for an item. {@code details} holds the type-specific fields (see {@link EvidenceFields}).
 */
public record EvidenceInput(
        EvidenceType type,
        String title,
        LocalDate occurredOn,
        String description,
        String impact,
        String levelKey,
        List<String> competencyKeys,
        List<String> links,
        Map<String, String> details) {}
