package app.rungs.feedback.domain;

/** A peer's optional rating of one competency, on the scale the check-ins use. */
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
}
