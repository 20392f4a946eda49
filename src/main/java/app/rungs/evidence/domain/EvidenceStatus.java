package app.rungs.evidence.domain;

/**
 * Where an item is in review. DRAFT → SUBMITTED → ACKNOWLEDGED or RETURNED; a returned item is resubmitted after
 * changes, and editing an acknowledged item starts a new revision (see EvidenceService).
 */
public enum EvidenceStatus {
    DRAFT("Draft", ""),
    SUBMITTED("Submitted", "primary"),
    ACKNOWLEDGED("Acknowledged", "success"),
    RETURNED("Returned", "error");

    private final String label;
    private final String badge;

    EvidenceStatus(String label, String badge) {
        this.label = label;
        this.badge = badge;
    }

    public String label() {
        return label;
    }

    /** The badge variant that shows this status ("success", "error", ...). */
    public String badge() {
        return badge;
    }
}
