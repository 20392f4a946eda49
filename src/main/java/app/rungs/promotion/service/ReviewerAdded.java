package app.rungs.promotion.service;

/** Someone was asked to review a promotion case and sign it off. Published inside the changing transaction. */
public record ReviewerAdded(
        Long caseId, Long reviewerId, String engineerName, String targetLevelKey, String cycle, String askedBy) {}
