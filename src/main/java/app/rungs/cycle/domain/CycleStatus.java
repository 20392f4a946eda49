package app.rungs.cycle.domain;

/** A cycle is open while its windows run; closing it stops its reminders and takes it out of the pickers. */
public enum CycleStatus {
    OPEN,
    CLOSED
}
