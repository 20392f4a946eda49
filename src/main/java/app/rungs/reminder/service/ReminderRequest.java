package app.rungs.reminder.service;

import java.time.Duration;
import java.time.Instant;

/**
 * A deadline someone should be reminded of: the thing (type and id, e.g. {@code SELF_ASSESSMENT}/42), who, what it
 * is called in the reminder ("Self-assessment for 2026-H2"), the in-app route to open it, when it is due, and how
 * long before the deadline the due-soon reminder goes out.
 */
public record ReminderRequest(
        String subjectType,
        Long subjectId,
        Long recipientId,
        String title,
        String link,
        Instant dueAt,
        Duration dueSoonLead) {}
