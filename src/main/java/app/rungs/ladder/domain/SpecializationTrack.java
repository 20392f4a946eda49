package app.rungs.ladder.domain;

/** The specialization tracks of the distributed-systems field. */
public enum SpecializationTrack {
    CLOUD_INFRASTRUCTURE("Cloud infrastructure"),
    DATA_INFRASTRUCTURE("Data infrastructure"),
    RESEARCH_PROTOCOL_DESIGN("Research & protocol design"),
    SECURITY_COMPLIANCE("Security & compliance");

    private final String label;

    SpecializationTrack(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
