package app.rungs.audit.service;

/** Lets tests in other packages run the scheduled check the way the scheduler does. */
public final class AuditChainTestAccess {

    private AuditChainTestAccess() {}

    public static ChainReport scheduledCheck(AuditChainService chain) {
        return chain.check(ChainCheckKind.SCHEDULED, "system");
    }
}
