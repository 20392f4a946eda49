package app.rungs.evidence.domain;

/** The system an item's draft arrived from, when an engineer did not start it themselves. */
public enum EvidenceSource {
    PAGERDUTY("From PagerDuty"),
    GITHUB("From GitHub");

    private final String label;

    EvidenceSource(String label) {
        this.label = label;
    }

    /** "From PagerDuty": how the item is marked in the engineer's list. */
    public String label() {
        return label;
    }
}
