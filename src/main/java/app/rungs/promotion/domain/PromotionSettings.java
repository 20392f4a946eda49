package app.rungs.promotion.domain;

import app.rungs.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The organization's choices about promotion cases; a single row (id 1) created by the migration. */
@Entity
@Table(name = "promotion_settings")
public class PromotionSettings extends AbstractEntity {

    public static final long ID = 1L;

    @Id
    private Long id;

    @Column(name = "verdicts_shown_to_engineer", nullable = false)
    private boolean verdictsShownToEngineer;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "updated_by")
    private String updatedBy;

    @Version
    private long version;

    protected PromotionSettings() {}

    @Override
    public Long getId() {
        return id;
    }

    /** Whether the engineer of a case reads the reviewers' verdicts on it (never their comments). */
    public boolean isVerdictsShownToEngineer() {
        return verdictsShownToEngineer;
    }

    public long getVersion() {
        return version;
    }

    public void showVerdictsToEngineer(boolean shown, String by, Instant now) {
        this.verdictsShownToEngineer = shown;
        this.updatedBy = by;
        this.updatedAt = now;
    }
}
