package app.rungs.people.domain;

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
import java.time.LocalDate;

/**
 * One entry of a person's level history. History is kept forever; corrections add entries. An entry dated after today
 * is a scheduled change: until its date it can be cancelled, which marks it and keeps it.
 */
@Entity
@Table(name = "level_assignment")
public class LevelAssignment extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "people_seq")
    @SequenceGenerator(name = "people_seq", sequenceName = "people_seq", allocationSize = 50)
    private Long id;

    @Column(name = "person_id", nullable = false, updatable = false)
    private Long personId;

    @Column(name = "ladder_id", nullable = false, updatable = false)
    private Long ladderId;

    @Column(name = "level_key", nullable = false, updatable = false)
    private String levelKey;

    @Column(name = "effective_date", nullable = false, updatable = false)
    private LocalDate effectiveDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private AssignmentReason reason;

    @Column(name = "decided_by", nullable = false, updatable = false)
    private String decidedBy;

    @Column(name = "promotion_case_id", updatable = false)
    private Long promotionCaseId;

    @Column(updatable = false)
    private String note;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "cancelled_by")
    private String cancelledBy;

    @Version
    private long version;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt = Instant.now();

    protected LevelAssignment() {}

    public LevelAssignment(
            Long personId,
            Long ladderId,
            String levelKey,
            LocalDate effectiveDate,
            AssignmentReason reason,
            String decidedBy,
            Long promotionCaseId,
            String note) {
        this.personId = personId;
        this.ladderId = ladderId;
        this.levelKey = levelKey;
        this.effectiveDate = effectiveDate;
        this.reason = reason;
        this.decidedBy = decidedBy;
        this.promotionCaseId = promotionCaseId;
        this.note = note;
    }

    @Override
    public Long getId() {
        return id;
    }

    public Long getPersonId() {
        return personId;
    }

    public Long getLadderId() {
        return ladderId;
    }

    public String getLevelKey() {
        return levelKey;
    }

    public LocalDate getEffectiveDate() {
        return effectiveDate;
    }

    public AssignmentReason getReason() {
        return reason;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Long getPromotionCaseId() {
        return promotionCaseId;
    }

    public String getNote() {
        return note;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public Instant getCancelledAt() {
        return cancelledAt;
    }

    public boolean isCancelled() {
        return cancelledAt != null;
    }

    /** True while the change has not taken effect: it is scheduled and can still be cancelled. */
    public boolean isScheduled(LocalDate today) {
        return status(today) == LevelChangeStatus.SCHEDULED;
    }

    /** Where the change stands on the given day. */
    public LevelChangeStatus status(LocalDate today) {
        if (cancelledAt != null) {
            return LevelChangeStatus.CANCELLED;
        }
        return effectiveDate.isAfter(today) ? LevelChangeStatus.SCHEDULED : LevelChangeStatus.IN_EFFECT;
    }

    /** Cancels a change still to come; refused in any other status (see {@link LevelChangeAction#CANCEL}). */
    public void cancel(String by, Instant at, LocalDate today) {
        var status = status(today);
        if (!LevelChangeAction.CANCEL.allowedFrom(status)) {
            throw new IllegalStateException("A level change that is " + status + " cannot be cancelled");
        }
        this.cancelledBy = by;
        this.cancelledAt = at;
    }
}
