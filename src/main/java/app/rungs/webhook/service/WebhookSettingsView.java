package app.rungs.webhook.service;

import app.rungs.webhook.domain.WebhookSource;
import java.time.Instant;

/**
 * One provider's settings as the admin screen shows them: never the secret itself, only whether there is one (and a
 * previous one still accepted during a rotation) and since when.
 */
public record WebhookSettingsView(
        WebhookSource source,
        boolean hasSecret,
        Instant secretCreatedAt,
        boolean hasPreviousSecret,
        String repositories,
        String userEmails,
        Instant updatedAt,
        String updatedBy,
        long version) {}
