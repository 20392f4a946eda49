package app.rungs.reminder.service;

/** Which reminder of a deadline: before it (due soon) or after it passed (overdue). */
public enum ReminderKind {
    DUE_SOON,
    OVERDUE
}
