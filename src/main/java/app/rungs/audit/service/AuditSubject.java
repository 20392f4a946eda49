package app.rungs.audit.service;

/** Whom a data export is about, as the audit log knows them: username, person id and account id (may be null). */
public record AuditSubject(String username, Long personId, Long accountId) {}
