package app.rungs.reminder.service;

import java.time.Instant;

/**
 * A reminder whose time came, published once per reminder in the transaction that marks it sent. The notification
 * feature turns it into an in-app notification and an email.
 */
public record ReminderDue(
        Long reminderId,
        String subjectType,
        Long subjectId,
        Long recipientId,
        ReminderKind kind,
        String title,
        String link,
        Instant dueAt) {}
