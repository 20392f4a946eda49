package app.rungs.people.service;

import app.rungs.people.domain.AssignmentReason;
import java.time.LocalDate;

/** One level change; {@code scheduled} while its date is still to come (it is not the current level yet). */
public record LevelHistoryEntry(
        Long id,
        Long ladderId,
        String levelKey,
        LocalDate effectiveDate,
        AssignmentReason reason,
        String decidedBy,
        Long promotionCaseId,
        String note,
        boolean scheduled) {}
