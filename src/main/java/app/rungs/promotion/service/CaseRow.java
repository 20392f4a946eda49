package app.rungs.promotion.service;

import app.rungs.promotion.domain.CaseStatus;
import java.time.Instant;

/** One case as listed in the promotions grid. */
public record CaseRow(
        Long id,
        Long engineerId,
        String engineerName,
        String currentLevelKey,
        String targetLevelKey,
        String cycle,
        CaseStatus status,
        boolean selfNominated,
        String nominatedByName,
        Instant updatedAt) {}
