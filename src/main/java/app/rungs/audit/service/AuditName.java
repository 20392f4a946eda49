package app.rungs.audit.service;

/** How the audit log shows an actor or an object: a name, and the in-app page it leads to (null for none). */
public record AuditName(String label, String path) {}
