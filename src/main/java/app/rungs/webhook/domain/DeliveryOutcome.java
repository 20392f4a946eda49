package app.rungs.webhook.domain;

/**
 * What Rungs did with a delivery: drafted evidence, acknowledged it without action (another event type, an unmerged
 * pull request), recognized it as a redelivery, or refused it (signature, size, format, age) and changed nothing.
 */
public enum DeliveryOutcome {
    PROCESSED("Processed", "success"),
    IGNORED("Ignored", ""),
    DUPLICATE("Already processed", "contrast"),
    REFUSED("Refused", "error");

    private final String label;
    private final String badge;

    DeliveryOutcome(String label, String badge) {
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
