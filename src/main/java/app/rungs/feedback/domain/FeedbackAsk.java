package app.rungs.feedback.domain;

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
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One peer's part of a request. It moves once, from pending to answered or declined, and is final then: the version
 * makes a second tab's answer (or an answer racing a decline) fail instead of overwriting the first.
 */
@Entity
@Table(name = "feedback_ask")
public class FeedbackAsk extends AbstractEntity {

    public static final int MAX_REASON = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "feedback_seq")
    @SequenceGenerator(name = "feedback_seq", sequenceName = "feedback_seq", allocationSize = 50)
    private Long id;

    @Column(name = "request_id", nullable = false)
    private Long requestId;

    @Column(name = "peer_id", nullable = false)
    private Long peerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AskStatus status = AskStatus.PENDING;

    @Column(name = "decline_reason")
    private String declineReason;

    @Column(name = "responded_at")
    private Instant respondedAt;

    @Version
    private long version;

    protected FeedbackAsk() {}

    public FeedbackAsk(Long requestId, Long peerId) {
        this.requestId = requestId;
        this.peerId = peerId;
    }

    @Override
    public Long getId() {
        return id;
    }

    public Long getRequestId() {
        return requestId;
    }

    public Long getPeerId() {
        return peerId;
    }

    public AskStatus getStatus() {
        return status;
    }

    public String getDeclineReason() {
        return declineReason;
    }

    public Instant getRespondedAt() {
        return respondedAt;
    }

    public long getVersion() {
        return version;
    }

    public boolean isPending() {
        return status == AskStatus.PENDING;
    }

    public void answered(Instant now) {
        requirePending();
        this.status = AskStatus.ANSWERED;
        this.respondedAt = now;
    }

    public void declined(String reason, Instant now) {
        requirePending();
        this.status = AskStatus.DECLINED;
        this.declineReason = reason;
        this.respondedAt = now;
    }

    private void requirePending() {
        if (!isPending()) {
            throw new IllegalStateException(
                    "Feedback " + id + " was already " + status.label().toLowerCase());
        }
    }
}
