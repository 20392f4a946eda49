package app.rungs.checkin.service;

/** Audit action and object names of the check-in feature. */
final class CheckInAuditNames {

    static final String OBJECT = "CheckIn";
    static final String STARTED = "CHECK_IN_STARTED";
    static final String SUBMITTED = "CHECK_IN_SUBMITTED";
    static final String AGREED = "CHECK_IN_AGREED";
    static final String ACKNOWLEDGED = "CHECK_IN_ACKNOWLEDGED";

    private CheckInAuditNames() {}
}
