package app.rungs.audit.service;

/**
 * Published (inside the verification's transaction) when a verification finds the audit chain broken, so features
 * that can reach people — notifications — tell the admins without the audit feature depending on them.
 */
public record AuditChainBroken(ChainCheckKind kind, ChainReport report) {}
