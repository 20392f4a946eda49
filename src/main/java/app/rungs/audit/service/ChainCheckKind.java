package app.rungs.audit.service;

/** What started a verification of the audit chain. */
public enum ChainCheckKind {
    MANUAL,
    SCHEDULED,
    STARTUP
}
