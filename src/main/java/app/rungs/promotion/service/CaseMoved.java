package app.rungs.promotion.service;

import app.rungs.promotion.domain.CaseAction;
import app.rungs.promotion.domain.CaseStatus;
import java.time.LocalDate;

/**
 * A promotion case changed status through {@code action}, published inside the changing transaction.
 *
 * @param nominatedById the person who nominated the engineer, or null
 * @param actorId the person who took the action, or null for an account without a person
 * @param note the step's note as written (null when none); {@link CaseAction#noteShownToEngineer} says whether the
 *     engineer may read it
 * @param effectiveDate when an approval takes effect, otherwise null
 * @param engineerManagerId the engineer's manager, set only when the engineer withdrew the case themselves
 */
public record CaseMoved(
        Long caseId,
        CaseAction action,
        CaseStatus status,
        Long engineerId,
        String engineerName,
        Long nominatedById,
        String targetLevelKey,
        String cycle,
        Long actorId,
        String actorName,
        String note,
        LocalDate effectiveDate,
        Long engineerManagerId) {}
