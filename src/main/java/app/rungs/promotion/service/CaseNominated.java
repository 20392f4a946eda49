package app.rungs.promotion.service;

/**
 * A promotion case was opened: by a manager or an admin for the engineer, or by the engineer for themselves (then
 * {@code managerId} is whoever should accept it, or null). Published inside the nominating transaction.
 */
public record CaseNominated(
        Long caseId,
        boolean self,
        Long engineerId,
        String engineerName,
        Long managerId,
        String nominatedByName,
        String targetLevelKey,
        String cycle) {}
