package app.rungs.people.service;

import app.rungs.people.domain.AssignmentReason;
import java.time.LocalDate;

public record LevelHistoryEntry(
        Long id,
        Long ladderId,
        String levelKey,
        LocalDate effectiveDate,
        AssignmentReason reason,
        String decidedBy,
        Long promotionCaseId,
        String note) {}
