package app.rungs.webhook.service;

import app.rungs.webhook.domain.WebhookDelivery;
import app.rungs.webhook.domain.WebhookDeliveryRepository;
import app.rungs.webhook.domain.WebhookSource;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes a refused or duplicate delivery to the log in its own transaction: the log is all such a delivery changes. */
@Component
class DeliveryLog {

    private final WebhookDeliveryRepository deliveries;
    private final Clock clock;

    DeliveryLog(WebhookDeliveryRepository deliveries, Clock clock) {
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    WebhookAnswer record(WebhookSource source, String deliveryId, String event, WebhookAnswer answer) {
        deliveries.save(new WebhookDelivery(
                Instant.now(clock),
                source,
                deliveryId,
                event,
                answer.outcome(),
                answer.status(),
                answer.message(),
                answer.draftsCreated()));
        return answer;
    }
}
