package app.rungs.notification.service;

import java.time.Instant;

/** One notification as a person's data export holds it. */
public record NotificationData(Long id, String title, String body, String link, Instant createdAt, Instant readAt) {}
