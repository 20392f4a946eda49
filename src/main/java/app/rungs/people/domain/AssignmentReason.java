package app.rungs.people.domain;

/** Why a person's level changed. */
public enum AssignmentReason {
    HIRE("Hire"),
    PROMOTION("Promotion"),
    CORRECTION("Correction"),
    LADDER_MIGRATION("Ladder migration");

    private final String label;

    AssignmentReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
