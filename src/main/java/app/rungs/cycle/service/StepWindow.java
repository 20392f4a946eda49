package app.rungs.cycle.service;

import java.time.LocalDate;

/** One step's window of a cycle: the first day it is open and its deadline (the last day, inclusive). */
public record StepWindow(CycleStep step, LocalDate opens, LocalDate due) {

    /** Whether the window is open on the day. */
    public boolean isOpenOn(LocalDate day) {
        return opens != null && due != null && !day.isBefore(opens) && !day.isAfter(due);
    }

    /** Whether the deadline has passed on the day. */
    public boolean isPastOn(LocalDate day) {
        return due != null && day.isAfter(due);
    }
}
