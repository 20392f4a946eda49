package app.rungs.evidence.domain;

/** Where a "not applicable to this person" waiver stands; only approved waivers leave the readiness rule. */
public enum WaiverStatus {
    REQUESTED("Requested"),
    APPROVED("Not applicable"),
    DECLINED("Declined");

    private final String label;

    WaiverStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
