package app.rungs.audit.service;

/** One change of a bulk operation for {@link AuditService#recordAll}: the same fields as {@link AuditService#record}. */
public record AuditRecord(
        String action, String objectType, Object objectId, String summary, Object before, Object after) {}
