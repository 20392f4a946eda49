package app.rungs.webhook.service;

import app.rungs.evidence.service.ExternalDraft;
import app.rungs.evidence.service.ExternalEvidenceDrafts;
import app.rungs.people.service.PersonEmails;
import app.rungs.webhook.domain.DeliveryOutcome;
import app.rungs.webhook.domain.WebhookDelivery;
import app.rungs.webhook.domain.WebhookDeliveryRepository;
import app.rungs.webhook.domain.WebhookSource;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Acts on a verified delivery in one transaction: the drafts and the log line that marks the delivery id as seen
 * commit together, so a redelivery racing this one either sees it or fails on the log's unique index and creates
 * nothing.
 */
@Component
class DeliveryProcessor {

    private final ExternalEvidenceDrafts drafts;
    private final PersonEmails emails;
    private final WebhookDeliveryRepository deliveries;
    private final Clock clock;

    DeliveryProcessor(
            ExternalEvidenceDrafts drafts, PersonEmails emails, WebhookDeliveryRepository deliveries, Clock clock) {
        this.drafts = drafts;
        this.emails = emails;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Transactional
    WebhookAnswer process(WebhookSource source, String deliveryId, DeliveryPlan plan, Map<String, String> userEmails) {
        WebhookAnswer answer;
        if (plan.ignoredBecause() != null) {
            answer = new WebhookAnswer(
                    200, DeliveryOutcome.IGNORED, "Ignored " + plan.event() + ": " + plan.ignoredBecause() + ".", 0);
        } else {
            int created = 0;
            var notes = new ArrayList<String>();
            for (var candidate : plan.candidates()) {
                var email = candidate.email() != null
                        ? candidate.email()
                        : userEmails.get(candidate.userKey().toLowerCase(Locale.ROOT));
                var person = email == null ? java.util.Optional.<Long>empty() : emails.activePerson(email);
                if (person.isEmpty()) {
                    notes.add(candidate.userLabel() + ": no person with "
                            + (email == null ? "a mapped email (add the user on the Webhooks screen)" : email));
                    continue;
                }
                var d = candidate.draft();
                var result = drafts.create(new ExternalDraft(
                        person.get(),
                        d.source(),
                        d.externalRef(),
                        d.type(),
                        d.title(),
                        d.occurredOn(),
                        d.description(),
                        d.links(),
                        d.details()));
                if (result.created()) {
                    created++;
                }
                notes.add(candidate.userLabel() + ": " + result.message());
            }
            answer = new WebhookAnswer(
                    200,
                    DeliveryOutcome.PROCESSED,
                    "Processed " + plan.event() + ": " + created + (created == 1 ? " draft" : " drafts") + " created ("
                            + String.join("; ", notes) + ").",
                    created);
        }
        deliveries.saveAndFlush(new WebhookDelivery(
                Instant.now(clock),
                source,
                deliveryId,
                plan.event(),
                answer.outcome(),
                answer.status(),
                answer.message(),
                answer.draftsCreated()));
        return answer;
    }
}
