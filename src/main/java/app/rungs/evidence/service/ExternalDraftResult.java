package app.rungs.evidence.service;

/**
 * What became of an {@link ExternalDraft}: the new draft's id, the id of the draft made earlier for the same
 * reference ({@code created} false), or no id and the reason none was made.
 */
public record ExternalDraftResult(Long evidenceId, boolean created, String message) {}
