package app.rungs.cycle.domain;

import java.time.LocalDate;

/** One step's window: the first day it is open and the deadline (the last day, inclusive). */
public record Window(LocalDate opens, LocalDate due) {

    /** Whether the window is open on the day. */
    public boolean isOpenOn(LocalDate day) {
        return !day.isBefore(opens) && !day.isAfter(due);
    }
}
