package app.rungs.growth.domain;

/** Where a growth goal stands. */
public enum GoalStatus {
    OPEN,
    DONE,
    DROPPED
}
