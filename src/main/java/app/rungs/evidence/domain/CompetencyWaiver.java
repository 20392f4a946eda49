package app.rungs.evidence.domain;

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
 * One competency that does not apply to one person on one ladder, with the reason: requested by the engineer and
 * decided by a manager of their line, or marked by such a manager directly (then approved at once).
 */
@Entity
@Table(name = "competency_waiver")
public class CompetencyWaiver extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "evidence_seq")
    @SequenceGenerator(name = "evidence_seq", sequenceName = "evidence_seq", allocationSize = 50)
    private Long id;

    @Column(name = "person_id", nullable = false, updatable = false)
    private Long personId;

    @Column(name = "ladder_id", nullable = false, updatable = false)
    private Long ladderId;

    @Column(name = "competency_key", nullable = false, updatable = false)
    private String competencyKey;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private WaiverStatus status;

    @Column(name = "requested_by", nullable = false, updatable = false)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_comment")
    private String decisionComment;

    @Version
    private long version;

    protected CompetencyWaiver() {}

    public CompetencyWaiver(
            Long personId, Long ladderId, String competencyKey, String reason, String requestedBy, Instant at) {
        this.personId = personId;
        this.ladderId = ladderId;
        this.competencyKey = competencyKey;
        this.reason = reason;
        this.requestedBy = requestedBy;
        this.requestedAt = at;
        this.status = WaiverStatus.REQUESTED;
    }

    /** Records the manager's decision; only a requested waiver is decided. */
    public void decide(boolean approve, String by, Instant at, String comment) {
        if (status != WaiverStatus.REQUESTED) {
            throw new IllegalStateException("Waiver " + id + " is already " + status);
        }
        this.status = approve ? WaiverStatus.APPROVED : WaiverStatus.DECLINED;
        this.decidedBy = by;
        this.decidedAt = at;
        this.decisionComment = comment;
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

    public String getCompetencyKey() {
        return competencyKey;
    }

    public String getReason() {
        return reason;
    }

    public WaiverStatus getStatus() {
        return status;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecisionComment() {
        return decisionComment;
    }

    public long getVersion() {
        return version;
    }
}
