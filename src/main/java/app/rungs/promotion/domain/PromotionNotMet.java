package app.rungs.promotion.domain;

import app.rungs.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A competency of the target level the manager marks as not (yet) met, with the explanation. */
@Entity
@Table(name = "promotion_not_met")
public class PromotionNotMet extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "promotion_seq")
    @SequenceGenerator(name = "promotion_seq", sequenceName = "promotion_seq", allocationSize = 50)
    private Long id;

    @Column(name = "case_id", nullable = false, updatable = false)
    private Long caseId;

    @Column(name = "competency_key", nullable = false, updatable = false)
    private String competencyKey;

    @Column(nullable = false)
    private String explanation;

    @Column(name = "marked_at", nullable = false)
    private Instant markedAt;

    @Column(name = "marked_by", nullable = false)
    private String markedBy;

    protected PromotionNotMet() {}

    public PromotionNotMet(Long caseId, String competencyKey) {
        this.caseId = caseId;
        this.competencyKey = competencyKey;
    }

    @Override
    public Long getId() {
        return id;
    }

    public Long getCaseId() {
        return caseId;
    }

    public String getCompetencyKey() {
        return competencyKey;
    }

    public String getExplanation() {
        return explanation;
    }

    public Instant getMarkedAt() {
        return markedAt;
    }

    public String getMarkedBy() {
        return markedBy;
    }

    public void explain(String explanation, String by, Instant at) {
        this.explanation = explanation;
        this.markedBy = by;
        this.markedAt = at;
    }
}
