package app.rungs.promotion.domain;

/** A reviewer's verdict on a case. Concerns need a comment. */
public enum SignOff {
    APPROVE("Approves", "success"),
    CONCERNS("Has concerns", "warning");

    private final String label;
    private final String badge;

    SignOff(String label, String badge) {
        this.label = label;
        this.badge = badge;
    }

    public String label() {
        return label;
    }

    public String badge() {
        return badge;
    }

    /** Concerns are weighed by the committee, so they must be written down. */
    public boolean needsComment() {
        return this == CONCERNS;
    }
}
