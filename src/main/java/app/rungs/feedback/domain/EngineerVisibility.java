package app.rungs.feedback.domain;

/** What the organization lets an engineer read of the peer feedback about themselves. */
public enum EngineerVisibility {
    ATTRIBUTED("Attributed", "The engineer reads every answer with the name of the peer who gave it."),
    ANONYMIZED(
            "Anonymized, from 3 answers",
            "The engineer reads answers without names or dates, and only once at least 3 peers answered a request."),
    HIDDEN("Not shown", "The engineer reads nothing of the answers; managers and the promotion committee do.");

    /** Fewer answers than this and an anonymized request shows the engineer nothing of their content. */
    public static final int ANONYMITY_THRESHOLD = 3;

    private final String label;
    private final String description;

    EngineerVisibility(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }
}
