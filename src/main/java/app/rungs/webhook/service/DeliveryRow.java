package app.rungs.webhook.service;

import app.rungs.webhook.domain.DeliveryOutcome;
import app.rungs.webhook.domain.WebhookSource;
import java.time.Instant;

/** One line of the deliveries log. */
public record DeliveryRow(
        Long id,
        Instant receivedAt,
        WebhookSource source,
        String deliveryId,
        String event,
        DeliveryOutcome outcome,
        int httpStatus,
        String message,
        int draftsCreated) {}
