package app.rungs.calibration.domain;

/** An engineer's potential as the committee rates it, in sessions that choose to rate potential. */
public enum Potential {
    LOW("Low"),
    MEDIUM("Medium"),
    HIGH("High");

    private final String label;

    Potential(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
