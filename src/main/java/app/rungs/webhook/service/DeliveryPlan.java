package app.rungs.webhook.service;

import app.rungs.evidence.service.ExternalDraft;
import java.time.Instant;
import java.util.List;

/**
 * What a parsed delivery asks for: the event, its id and time where the body carries them, and either the drafts to
 * make (one per person the provider names) or the reason it is ignored.
 */
record DeliveryPlan(
        String event, String bodyDeliveryId, Instant occurredAt, String ignoredBecause, List<Candidate> candidates) {

    /**
     * A person the provider names: their provider user key (login, user id) for the admin's mapping, a label for the
     * log, the email when the payload carries one, and the draft to make for them (personId still null).
     */
    record Candidate(String userKey, String userLabel, String email, ExternalDraft draft) {}

    static DeliveryPlan ignore(String event, String bodyDeliveryId, Instant occurredAt, String because) {
        return new DeliveryPlan(event, bodyDeliveryId, occurredAt, because, List.of());
    }
}
