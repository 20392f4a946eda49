package app.rungs.fairness.domain;

import app.rungs.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The organization's outcome audit choices; a single row (id 1) created by the migration. */
@Entity
@Table(name = "outcome_audit_settings")
public class OutcomeAuditSettings extends AbstractEntity {

    public static final long ID = 1L;
    public static final int LOWEST_MINIMUM = 2;
    public static final int HIGHEST_MINIMUM = 100;

    @Id
    private Long id;

    @Column(name = "minimum_group_size", nullable = false)
    private int minimumGroupSize;

    @Column(name = "demographics_recorded", nullable = false)
    private boolean demographicsRecorded;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "updated_by")
    private String updatedBy;

    @Version
    private long version;

    protected OutcomeAuditSettings() {}

    @Override
    public Long getId() {
        return id;
    }

    /** Groups with fewer people than this are suppressed in every breakdown and export. */
    public int getMinimumGroupSize() {
        return minimumGroupSize;
    }

    /** Whether people may enter their demographics, and breakdowns by them exist. */
    public boolean isDemographicsRecorded() {
        return demographicsRecorded;
    }

    public long getVersion() {
        return version;
    }

    public void changeMinimumGroupSize(int size, String by, Instant now) {
        if (size < LOWEST_MINIMUM || size > HIGHEST_MINIMUM) {
            throw new IllegalArgumentException("minimum group size out of range: " + size);
        }
        this.minimumGroupSize = size;
        touched(by, now);
    }

    public void recordDemographics(boolean recorded, String by, Instant now) {
        this.demographicsRecorded = recorded;
        touched(by, now);
    }

    private void touched(String by, Instant now) {
        this.updatedBy = by;
        this.updatedAt = now;
    }
}
