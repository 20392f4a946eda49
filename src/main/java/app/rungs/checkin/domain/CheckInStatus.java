package app.rungs.checkin.domain;

/**
 * Where a check-in stands: both still rating (or one waiting for the other), both submitted and ready to compare,
 * or agreed and frozen.
 */
public enum CheckInStatus {
    RATING("Rating"),
    READY_TO_COMPARE("Ready to compare"),
    AGREED("Agreed");

    private final String label;

    CheckInStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static CheckInStatus of(boolean engineerSubmitted, boolean managerSubmitted, boolean agreed) {
        if (agreed) {
            return AGREED;
        }
        return engineerSubmitted && managerSubmitted ? READY_TO_COMPARE : RATING;
    }
}
