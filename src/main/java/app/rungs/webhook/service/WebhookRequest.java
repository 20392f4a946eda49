package app.rungs.webhook.service;

import app.rungs.webhook.domain.WebhookSource;

/**
 * A delivery as received: the raw body (exactly the bytes that were signed) and the provider's headers that matter.
 *
 * @param signature X-PagerDuty-Signature or X-Hub-Signature-256
 * @param event X-GitHub-Event (PagerDuty names the event in the body)
 * @param deliveryId X-GitHub-Delivery or PagerDuty's X-Webhook-Id
 */
public record WebhookRequest(WebhookSource source, String signature, String event, String deliveryId, byte[] body) {}
