package app.rungs.ladder.domain;

/** Decision axis 1: broad competency across domains, or depth in one subsystem. */
public enum ScopeAxis {
    GENERALIST("Generalist"),
    SPECIALIST("Specialist");

    private final String label;

    ScopeAxis(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
