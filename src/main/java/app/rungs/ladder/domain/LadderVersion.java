package app.rungs.ladder.domain;

import app.rungs.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** One version of a ladder's content. Published versions are immutable; services enforce it. */
@Entity
@Table(name = "ladder_version")
public class LadderVersion extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ladder_seq")
    @SequenceGenerator(name = "ladder_seq", sequenceName = "ladder_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "ladder_id")
    private Ladder ladder;

    @Column(nullable = false)
    private int number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private VersionStatus status = VersionStatus.DRAFT;

    @Column(name = "change_note")
    private String changeNote;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "published_by")
    private String publishedBy;

    @Version
    private long version;

    protected LadderVersion() {}

    public LadderVersion(Ladder ladder, int number, String createdBy) {
        this.ladder = ladder;
        this.number = number;
        this.createdBy = createdBy;
    }

    @Override
    public Long getId() {
        return id;
    }

    public Ladder getLadder() {
        return ladder;
    }

    public int getNumber() {
        return number;
    }

    public VersionStatus getStatus() {
        return status;
    }

    public void setStatus(VersionStatus status) {
        this.status = status;
    }

    public String getChangeNote() {
        return changeNote;
    }

    public void setChangeNote(String changeNote) {
        this.changeNote = changeNote;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public String getPublishedBy() {
        return publishedBy;
    }

    public void markPublished(String by, Instant at) {
        this.status = VersionStatus.PUBLISHED;
        this.publishedBy = by;
        this.publishedAt = at;
    }

    public long getVersion() {
        return version;
    }

    public boolean isDraft() {
        return status == VersionStatus.DRAFT;
    }
}
