package app.rungs.webhook.domain;

import app.rungs.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One received delivery and what became of it; written once, never edited. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_delivery_seq")
    @SequenceGenerator(name = "webhook_delivery_seq", sequenceName = "webhook_delivery_seq", allocationSize = 50)
    private Long id;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private WebhookSource source;

    @Column(name = "delivery_id", updatable = false)
    private String deliveryId;

    @Column(updatable = false)
    private String event;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private DeliveryOutcome outcome;

    @Column(name = "http_status", nullable = false, updatable = false)
    private int httpStatus;

    @Column(nullable = false, updatable = false)
    private String message;

    @Column(name = "drafts_created", nullable = false, updatable = false)
    private int draftsCreated;

    protected WebhookDelivery() {}

    public WebhookDelivery(
            Instant receivedAt,
            WebhookSource source,
            String deliveryId,
            String event,
            DeliveryOutcome outcome,
            int httpStatus,
            String message,
            int draftsCreated) {
        this.receivedAt = receivedAt;
        this.source = source;
        this.deliveryId = cut(deliveryId, 200);
        this.event = cut(event, 100);
        this.outcome = outcome;
        this.httpStatus = httpStatus;
        this.message = cut(message, 1000);
        this.draftsCreated = draftsCreated;
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    @Override
    public Long getId() {
        return id;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public WebhookSource getSource() {
        return source;
    }

    public String getDeliveryId() {
        return deliveryId;
    }

    public String getEvent() {
        return event;
    }

    public DeliveryOutcome getOutcome() {
        return outcome;
    }

    public int getHttpStatus() {
        return httpStatus;
    }

    public String getMessage() {
        return message;
    }

    public int getDraftsCreated() {
        return draftsCreated;
    }
}
