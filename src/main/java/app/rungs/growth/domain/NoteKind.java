package app.rungs.growth.domain;

/** A progress note (the engineer's or a manager's account of what happened) or a manager's comment on the goal. */
public enum NoteKind {
    PROGRESS,
    COMMENT
}
