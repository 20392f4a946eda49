package app.rungs.scim.domain;

import app.rungs.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The safety valve's limits: the single row of scim_settings. */
@Entity
@Table(name = "scim_settings")
public class ScimSettings extends AbstractEntity {

    public static final long THE_ID = 1L;

    @Id
    private Long id;

    @Column(name = "max_share_percent", nullable = false)
    private int maxSharePercent;

    @Column(name = "max_per_hour", nullable = false)
    private int maxPerHour;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "updated_by")
    private String updatedBy;

    @Version
    private long version;

    protected ScimSettings() {}

    @Override
    public Long getId() {
        return id;
    }

    public int getMaxSharePercent() {
        return maxSharePercent;
    }

    public int getMaxPerHour() {
        return maxPerHour;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public void change(int maxSharePercent, int maxPerHour, Instant at, String by) {
        this.maxSharePercent = maxSharePercent;
        this.maxPerHour = maxPerHour;
        this.updatedAt = at;
        this.updatedBy = by;
    }

    public long getVersion() {
        return version;
    }
}
