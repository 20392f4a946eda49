package app.rungs.cycle.service;

/** One step for a group of people: how many completed it, of how many. */
public record StepProgress(CycleStep step, int done, int total) {

    /** "6 of 9 self-assessments in". */
    public String text() {
        return done + " of " + total + " " + step.countNoun() + (step == CycleStep.CALIBRATION ? "" : " in");
    }

    public double fraction() {
        return total == 0 ? 0 : (double) done / total;
    }
}
