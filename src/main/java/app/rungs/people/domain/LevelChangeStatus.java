package app.rungs.people.domain;

/** Where a recorded level change stands as of a day: still to come, in effect (or past), or cancelled. */
public enum LevelChangeStatus {
    SCHEDULED,
    IN_EFFECT,
    CANCELLED
}
