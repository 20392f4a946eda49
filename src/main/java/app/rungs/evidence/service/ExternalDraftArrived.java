package app.rungs.evidence.service;

/**
 * A draft arrived from another system for a person to review and complete. Published inside the draft's transaction
 * (see docs/decisions/0012), so the notification exists exactly when the draft does.
 */
public record ExternalDraftArrived(Long personId, Long evidenceId, String sourceName, String typeLabel, String title) {}
