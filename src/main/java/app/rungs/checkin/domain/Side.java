package app.rungs.checkin.domain;

/** Who rates in a check-in: the engineer themselves or their manager. */
public enum Side {
    ENGINEER("Engineer"),
    MANAGER("Manager");

    private final String label;

    Side(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public Side other() {
        return this == ENGINEER ? MANAGER : ENGINEER;
    }
}
