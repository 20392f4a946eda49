package app.rungs.privacy.domain;

import app.rungs.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** How long one kind of data is kept; {@code keepFor} null: forever. */
@Entity
@Table(name = "retention_policy")
public class RetentionPolicy extends AbstractEntity {

    @Id
    @Enumerated(EnumType.STRING)
    private RetentionKind kind;

    @Column(name = "keep_for")
    private Integer keepFor;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "updated_by")
    private String updatedBy;

    @Version
    private long version;

    protected RetentionPolicy() {}

    public RetentionPolicy(RetentionKind kind, Integer keepFor) {
        this.kind = kind;
        this.keepFor = keepFor;
    }

    /** Policies are keyed by kind; they have no numeric id. */
    @Override
    public Long getId() {
        return kind == null ? null : (long) kind.ordinal();
    }

    public RetentionKind getKind() {
        return kind;
    }

    public Integer getKeepFor() {
        return keepFor;
    }

    public void change(Integer keepFor, String by, Instant at) {
        this.keepFor = keepFor;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public long getVersion() {
        return version;
    }
}
