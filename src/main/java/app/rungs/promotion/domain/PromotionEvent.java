package app.rungs.promotion.domain;

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
import org.hibernate.annotations.Immutable;

/** One step on a case's timeline: a status change, who made it and why. */
@Entity
@Immutable
@Table(name = "promotion_event")
public class PromotionEvent extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "promotion_seq")
    @SequenceGenerator(name = "promotion_seq", sequenceName = "promotion_seq", allocationSize = 50)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private Long caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CaseAction action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    private CaseStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    private CaseStatus toStatus;

    @Column(name = "actor_name", nullable = false)
    private String actorName;

    private String note;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected PromotionEvent() {}

    public PromotionEvent(
            Long caseId,
            CaseAction action,
            CaseStatus fromStatus,
            CaseStatus toStatus,
            String actorName,
            String note,
            Instant occurredAt) {
        this.caseId = caseId;
        this.action = action;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.actorName = actorName;
        this.note = note;
        this.occurredAt = occurredAt;
    }

    @Override
    public Long getId() {
        return id;
    }

    public Long getCaseId() {
        return caseId;
    }

    public CaseAction getAction() {
        return action;
    }

    public CaseStatus getFromStatus() {
        return fromStatus;
    }

    public CaseStatus getToStatus() {
        return toStatus;
    }

    public String getActorName() {
        return actorName;
    }

    public String getNote() {
        return note;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }
}
