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
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;

/** A full snapshot (JSON) of an earlier revision of an item, kept when acknowledged content is edited. */
@Entity
@Table(name = "evidence_revision")
public class EvidenceRevision extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "evidence_seq")
    @SequenceGenerator(name = "evidence_seq", sequenceName = "evidence_seq", allocationSize = 50)
    private Long id;

    @Column(name = "evidence_id", nullable = false, updatable = false)
    private Long evidenceId;

    @Column(nullable = false, updatable = false)
    private int revision;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private EvidenceStatus status;

    @ColumnTransformer(write = "?::jsonb")
    @Column(columnDefinition = "jsonb", nullable = false, updatable = false)
    private String snapshot;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    protected EvidenceRevision() {}

    public EvidenceRevision(
            Long evidenceId,
            int revision,
            EvidenceStatus status,
            String snapshot,
            Instant recordedAt,
            String recordedBy) {
        this.evidenceId = evidenceId;
        this.revision = revision;
        this.status = status;
        this.snapshot = snapshot;
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
    }

    @Override
    public Long getId() {
        return id;
    }

    public Long getEvidenceId() {
        return evidenceId;
    }

    public int getRevision() {
        return revision;
    }

    public EvidenceStatus getStatus() {
        return status;
    }

    public String getSnapshot() {
        return snapshot;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getRecordedBy() {
        return recordedBy;
    }
}
