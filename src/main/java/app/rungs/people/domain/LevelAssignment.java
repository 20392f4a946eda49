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
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;

/** One entry of a person's level history. History is kept forever; corrections add entries. */
@Entity
@Immutable
@Table(name = "level_assignment")
public class LevelAssignment extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "people_seq")
    @SequenceGenerator(name = "people_seq", sequenceName = "people_seq", allocationSize = 50)
    private Long id;

    @Column(name = "person_id", nullable = false)
    private Long personId;

    @Column(name = "ladder_id", nullable = false)
    private Long ladderId;

    @Column(name = "level_key", nullable = false)
    private String levelKey;

    @Column(name = "effective_date", nullable = false)
    private LocalDate effectiveDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AssignmentReason reason;

    @Column(name = "decided_by", nullable = false)
    private String decidedBy;

    @Column(name = "promotion_case_id")
    private Long promotionCaseId;

    private String note;

    @Column(name = "recorded_at", nullable = false)
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
}
