package app.rungs.ladder.domain;

/** Decision axis 2: building user-facing features on distributed primitives, or the infrastructure beneath them. */
public enum FocusAxis {
    PRODUCT("Product engineering"),
    PLATFORM("Platform engineering");

    private final String label;

    FocusAxis(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
