package app.rungs.audit.service;

import java.time.Instant;

/** The latest recorded verification of the audit chain. */
public record ChainCheckSummary(
        Instant checkedAt, ChainCheckKind kind, String checkedBy, boolean intact, long events, String message) {}
