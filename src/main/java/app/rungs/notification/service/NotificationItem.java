package app.rungs.notification.service;

import java.time.Instant;

/** One notification as the bell and the notifications page list it. */
public record NotificationItem(Long id, String title, String body, String link, Instant createdAt, boolean read) {}
