package app.rungs.fairness.domain;

/** Self-reported gender; "prefer not to say" is an answer, no row (or null) is "not answered". */
public enum Gender {
    WOMAN("Woman"),
    MAN("Man"),
    NON_BINARY("Non-binary"),
    PREFER_NOT_TO_SAY("Prefer not to say");

    private final String label;

    Gender(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
