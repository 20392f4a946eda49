package app.rungs.calibration.domain;

/** The fields of an entry whose changes are kept in its history. */
public enum EntryField {
    PROPOSED_RATING("Proposed rating"),
    RATIONALE("Rationale"),
    FINAL_RATING("Final rating"),
    DECISION("Promotion decision"),
    FEEDBACK("Feedback"),
    NOTES("Notes"),
    PROMOTION_CASE("Promotion case"),
    POTENTIAL("Potential");

    private final String label;

    EntryField(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
