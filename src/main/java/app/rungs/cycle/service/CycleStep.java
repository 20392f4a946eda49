package app.rungs.cycle.service;

/** The steps of a review cycle, in the order they happen; each has a window in the cycle. */
public enum CycleStep {
    SELF_ASSESSMENT("Self-assessment", "self-assessments"),
    PEER_FEEDBACK("Peer feedback", "peer feedback"),
    MANAGER_ASSESSMENT("Manager assessment", "manager assessments"),
    NOMINATION("Promotion nominations", "nominations"),
    CALIBRATION("Calibration", "calibrated");

    private final String label;
    private final String countNoun;

    CycleStep(String label, String countNoun) {
        this.label = label;
        this.countNoun = countNoun;
    }

    /** Display name of the step, e.g. "Self-assessment". */
    public String label() {
        return label;
    }

    /** What is counted in a progress line, e.g. "6 of 9 self-assessments in". */
    public String countNoun() {
        return countNoun;
    }
}
