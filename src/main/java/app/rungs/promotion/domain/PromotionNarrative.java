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

/** The manager's narrative for one competency area of a case's target level. */
@Entity
@Table(name = "promotion_narrative")
public class PromotionNarrative extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "promotion_seq")
    @SequenceGenerator(name = "promotion_seq", sequenceName = "promotion_seq", allocationSize = 50)
    private Long id;

    @Column(name = "case_id", nullable = false, updatable = false)
    private Long caseId;

    @Column(name = "area_key", nullable = false, updatable = false)
    private String areaKey;

    @Column(nullable = false)
    private String body;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    protected PromotionNarrative() {}

    public PromotionNarrative(Long caseId, String areaKey) {
        this.caseId = caseId;
        this.areaKey = areaKey;
    }

    @Override
    public Long getId() {
        return id;
    }

    public Long getCaseId() {
        return caseId;
    }

    public String getAreaKey() {
        return areaKey;
    }

    public String getBody() {
        return body;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public void write(String body, String by, Instant at) {
        this.body = body;
        this.updatedBy = by;
        this.updatedAt = at;
    }
}
