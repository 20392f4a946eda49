package app.rungs.audit.service;

import java.time.Instant;

/** A read-only view of one audit event. */
public record AuditEntry(
        Long id,
        Instant occurredAt,
        String actor,
        String action,
        String objectType,
        String objectId,
        String summary,
        String beforeState,
        String afterState,
        boolean redacted) {}
