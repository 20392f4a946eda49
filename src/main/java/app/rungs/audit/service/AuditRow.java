package app.rungs.audit.service;

/** An audit event with its actor and object named for reading. */
public record AuditRow(AuditEntry entry, AuditName who, AuditName object) {}
