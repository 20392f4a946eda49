package app.rungs.webhook.service;

import app.rungs.webhook.domain.DeliveryOutcome;

/** What Rungs answers a delivery: the HTTP status, the outcome and a message saying why, and how many drafts. */
public record WebhookAnswer(int status, DeliveryOutcome outcome, String message, int draftsCreated) {}
