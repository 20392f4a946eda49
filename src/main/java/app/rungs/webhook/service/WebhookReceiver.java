package app.rungs.webhook.service;

import app.rungs.webhook.domain.DeliveryOutcome;
import app.rungs.webhook.domain.WebhookDeliveryRepository;
import app.rungs.webhook.domain.WebhookSettingsRepository;
import app.rungs.webhook.domain.WebhookSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Receives a webhook delivery, in this order, and changes nothing but the deliveries log until the last step:
 *
 * <ol>
 *   <li>the signature (HMAC-SHA256 of the raw body, compared in constant time with the current and, during a
 *       rotation, the previous secret) — otherwise 401;
 *   <li>the body is the provider's JSON — otherwise 400 saying what is wrong;
 *   <li>the delivery id was not processed before — otherwise 200 "already processed" and nothing new;
 *   <li>where the provider dates the event (PagerDuty), it is not older than the replay window — otherwise 400;
 *   <li>the event: drafts for the people it names, or acknowledged and ignored with the reason.
 * </ol>
 *
 * <p>Open to anyone ({@code permitAll}): the signature is the authentication, checked here before anything else.
 */
@Service
public class WebhookReceiver {

    private static final Logger log = LoggerFactory.getLogger(WebhookReceiver.class);

    private final WebhookSettingsRepository settings;
    private final WebhookDeliveryRepository deliveries;
    private final WebhookSecrets secrets;
    private final DeliveryProcessor processor;
    private final DeliveryLog deliveryLog;
    private final Clock clock;
    private final Duration maxAge;

    WebhookReceiver(
            WebhookSettingsRepository settings,
            WebhookDeliveryRepository deliveries,
            WebhookSecrets secrets,
            DeliveryProcessor processor,
            DeliveryLog deliveryLog,
            Clock clock,
            @Value("${rungs.webhooks.max-age:PT1H}") Duration maxAge) {
        this.settings = settings;
        this.deliveries = deliveries;
        this.secrets = secrets;
        this.processor = processor;
        this.deliveryLog = deliveryLog;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    @PreAuthorize("permitAll()")
    public WebhookAnswer receive(WebhookRequest request) {
        var source = request.source();
        var row = settings.findById(source).orElseThrow();
        var keys = new ArrayList<byte[]>();
        if (row.getSecretCipher() != null) {
            keys.add(secrets.decrypt(row.getSecretCipher()));
        }
        if (row.getPreviousCipher() != null) {
            keys.add(secrets.decrypt(row.getPreviousCipher()));
        }
        if (keys.isEmpty()) {
            return refuse(request, null, 401, "No " + source.label() + " signing secret is set in Rungs yet.");
        }
        boolean signed = switch (source) {
            case PAGERDUTY -> WebhookSignatures.pagerDuty(request.signature(), request.body(), keys);
            case GITHUB -> WebhookSignatures.gitHub(request.signature(), request.body(), keys);
        };
        if (!signed) {
            return refuse(
                    request,
                    null,
                    401,
                    request.signature() == null
                            ? "The delivery is not signed (" + header(source) + " is missing)."
                            : "The signature in " + header(source) + " does not match the body.");
        }
        DeliveryPlan plan;
        try {
            var json = Json.parse(request.body());
            plan = switch (source) {
                case PAGERDUTY -> PagerDutyEvents.plan(json);
                case GITHUB -> GitHubEvents.plan(request.event(), json, repositories(row.getRepositories()));
            };
        } catch (MalformedDelivery e) {
            return refuse(
                    request, request.event(), 400, "Malformed " + source.label() + " delivery: " + e.getMessage());
        }
        var deliveryId = request.deliveryId() != null ? request.deliveryId() : plan.bodyDeliveryId();
        if (deliveryId == null || deliveryId.isBlank() || deliveryId.length() > 200) {
            return refuse(
                    request,
                    plan.event(),
                    400,
                    "The delivery has no usable id ("
                            + (source == WebhookSource.GITHUB ? "X-GitHub-Delivery" : "X-Webhook-Id or event.id")
                            + ").");
        }
        if (deliveries.seen(source, deliveryId)) {
            return duplicate(source, deliveryId, plan.event());
        }
        if (plan.occurredAt() != null) {
            var now = Instant.now(clock);
            if (plan.occurredAt().isBefore(now.minus(maxAge))) {
                return refuse(
                        request,
                        plan.event(),
                        400,
                        "Stale delivery: the event occurred at " + plan.occurredAt() + ", more than " + describe(maxAge)
                                + " ago; older deliveries are refused as possible replays.");
            }
            if (plan.occurredAt().isAfter(now.plus(Duration.ofMinutes(5)))) {
                return refuse(
                        request,
                        plan.event(),
                        400,
                        "The event is dated in the future (" + plan.occurredAt() + "); check the sender's clock.");
            }
        }
        var userEmails = WebhookMappings.userEmails(row.getUserEmails()).value();
        try {
            var answer = WebhookIdentity.call(source, () -> processor.process(source, deliveryId, plan, userEmails));
            log.info("{} webhook {} ({}): {}", source.label(), deliveryId, plan.event(), answer.message());
            return answer;
        } catch (DataIntegrityViolationException e) {
            // The same delivery id was processed concurrently: that one's drafts stand, this one's are rolled back.
            return duplicate(source, deliveryId, plan.event());
        }
    }

    /** Logs a delivery refused before it was read because its body is over the limit. */
    @PreAuthorize("permitAll()")
    public WebhookAnswer tooLarge(WebhookSource source, String deliveryId, long limit) {
        var answer = new WebhookAnswer(
                413, DeliveryOutcome.REFUSED, "The body is larger than " + limit / 1024 + " KB; it was not read.", 0);
        log.warn("{} webhook {} refused: {}", source.label(), deliveryId, answer.message());
        return deliveryLog.record(source, deliveryId, null, answer);
    }

    private WebhookAnswer refuse(WebhookRequest request, String event, int status, String message) {
        log.warn("{} webhook {} refused: {}", request.source().label(), request.deliveryId(), message);
        return deliveryLog.record(
                request.source(),
                request.deliveryId(),
                event,
                new WebhookAnswer(status, DeliveryOutcome.REFUSED, message, 0));
    }

    private WebhookAnswer duplicate(WebhookSource source, String deliveryId, String event) {
        log.info("{} webhook {} was already processed", source.label(), deliveryId);
        return deliveryLog.record(
                source,
                deliveryId,
                event,
                new WebhookAnswer(
                        200,
                        DeliveryOutcome.DUPLICATE,
                        "Already processed: delivery " + deliveryId + " was handled before; nothing new was created.",
                        0));
    }

    private static Set<String> repositories(String text) {
        return WebhookMappings.repositories(text).value();
    }

    private static String header(WebhookSource source) {
        return source == WebhookSource.PAGERDUTY ? "X-PagerDuty-Signature" : "X-Hub-Signature-256";
    }

    private static String describe(Duration d) {
        return d.toMinutes() % 60 == 0
                ? d.toHours() + (d.toHours() == 1 ? " hour" : " hours")
                : d.toMinutes() + " minutes";
    }
}
