package app.rungs.promotion.domain;

/**
 * How the signed-in user relates to a case. Someone who is the case's engineer is only ever {@link #ENGINEER}, even
 * when they are also an admin or a manager: nobody decides, reviews or reads the committee notes of their own case.
 */
public enum CaseRole {
    /** An admin (people operations). */
    ADMIN("Admin"),
    /** A manager with the engineer in their reporting line (direct or indirect). */
    LINE_MANAGER("Manager of the line"),
    /** The engineer the case is about. */
    ENGINEER("Engineer"),
    /** A reviewer chosen for this case. */
    REVIEWER("Reviewer"),
    /**
     * The facilitator of a calibration session of the case's cycle that calibrates the engineer: starting the
     * session moves the engineer's submitted case into calibration. Vouched for by the calibration feature.
     */
    FACILITATOR("Calibration facilitator");

    private final String label;

    CaseRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
