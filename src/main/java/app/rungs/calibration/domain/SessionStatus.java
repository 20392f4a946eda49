package app.rungs.calibration.domain;

/**
 * Where a calibration session stands: managers enter proposals while PREPARING; the committee sets final ratings
 * and promotion decisions IN_SESSION; LOCKED freezes them; PUBLISHED applied the decisions and told the engineers.
 */
public enum SessionStatus {
    PREPARING("Preparing", "primary"),
    IN_SESSION("In session", "warning"),
    LOCKED("Locked", ""),
    PUBLISHED("Published", "success");

    private final String label;
    private final String badge;

    SessionStatus(String label, String badge) {
        this.label = label;
        this.badge = badge;
    }

    public String label() {
        return label;
    }

    /** The badge variant that shows this status. */
    public String badge() {
        return badge;
    }
}
