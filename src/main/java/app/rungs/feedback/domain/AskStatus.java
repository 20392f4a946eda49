package app.rungs.feedback.domain;

/** Where one peer's part of a request stands. */
public enum AskStatus {
    PENDING("Pending"),
    ANSWERED("Answered"),
    DECLINED("Declined");

    private final String label;

    AskStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
