package app.rungs.ladder.domain;

/** Decision axis 3: recognized through internal leveling, or through public contribution and standards work. */
public enum CommunityAxis {
    INDUSTRY("Industry-aligned"),
    OPEN_SOURCE_STANDARDS("Open source & standards");

    private final String label;

    CommunityAxis(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
