package app.rungs.calibration.domain;

/** The committee's promotion decision for an entry: promote or not yet (with a case), or no case to decide. */
public enum Decision {
    PROMOTE("Promote", "success"),
    NOT_YET("Not yet", "error"),
    NO_CASE("No case", "");

    private final String label;
    private final String badge;

    Decision(String label, String badge) {
        this.label = label;
        this.badge = badge;
    }

    public String label() {
        return label;
    }

    public String badge() {
        return badge;
    }
}
