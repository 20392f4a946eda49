package app.rungs.fairness.domain;

/** Self-reported: whether the person belongs to an ethnic minority where they work. */
public enum EthnicMinority {
    YES("Yes"),
    NO("No"),
    PREFER_NOT_TO_SAY("Prefer not to say");

    private final String label;

    EthnicMinority(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
