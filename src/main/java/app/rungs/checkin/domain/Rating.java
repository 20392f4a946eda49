package app.rungs.checkin.domain;

/** Where someone stands on a competency's expectation, lowest first. */
public enum Rating {
    NOT_YET("Not yet"),
    GROWING("Growing"),
    MEETS("Meets"),
    EXCEEDS("Exceeds");

    private final String label;

    Rating(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** How far apart two ratings are, in steps of the scale (0: the same). */
    public int distance(Rating other) {
        return Math.abs(ordinal() - other.ordinal());
    }
}
