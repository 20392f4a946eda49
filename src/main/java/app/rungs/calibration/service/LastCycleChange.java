package app.rungs.calibration.service;

/** How an engineer's rating in this session compares with their last published one. */
public enum LastCycleChange {
    UP("↑", "Up from"),
    SAME("=", "Same as"),
    DOWN("↓", "Down from");

    private final String arrow;
    private final String phrase;

    LastCycleChange(String arrow, String phrase) {
        this.arrow = arrow;
        this.phrase = phrase;
    }

    public String arrow() {
        return arrow;
    }

    /** "Up from", for "Up from Meets in 2026-H1". */
    public String phrase() {
        return phrase;
    }
}
