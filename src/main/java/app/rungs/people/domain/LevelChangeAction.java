package app.rungs.people.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The state machine of a recorded level change, in the style of promotion's {@code CaseAction}: each action with the
 * statuses it starts from and the status it leads to. Recording a change is not an action here (a change starts as
 * SCHEDULED or IN_EFFECT by its date, and time moves it from one to the other); every action is an admin's, which the
 * service secures, and none takes a note.
 */
public enum LevelChangeAction {
    /** A change that has not taken effect may be withdrawn; it stays in the history, marked. */
    CANCEL("Cancel", EnumSet.of(LevelChangeStatus.SCHEDULED), LevelChangeStatus.CANCELLED);

    private final String label;
    private final Set<LevelChangeStatus> from;
    private final LevelChangeStatus to;

    LevelChangeAction(String label, Set<LevelChangeStatus> from, LevelChangeStatus to) {
        this.label = label;
        this.from = from;
        this.to = to;
    }

    public String label() {
        return label;
    }

    public boolean allowedFrom(LevelChangeStatus status) {
        return from.contains(status);
    }

    public LevelChangeStatus to() {
        return to;
    }
}
