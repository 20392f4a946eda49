package app.rungs.fairness.service;

/** The outcome audit settings as an admin edits them. */
public record OutcomeAuditSettingsView(int minimumGroupSize, boolean demographicsRecorded, long version) {}
