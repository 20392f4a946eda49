package app.rungs.feedback.domain;

import app.rungs.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The organization's choice of what engineers read of feedback about themselves; one row (id 1, see V30). */
@Entity
@Table(name = "feedback_settings")
public class FeedbackSettings extends AbstractEntity {

    public static final long ID = 1L;

    @Id
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "engineer_visibility", nullable = false)
    private EngineerVisibility engineerVisibility;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "updated_by")
    private String updatedBy;

    @Version
    private long version;

    protected FeedbackSettings() {}

    @Override
    public Long getId() {
        return id;
    }

    public EngineerVisibility getEngineerVisibility() {
        return engineerVisibility;
    }

    public long getVersion() {
        return version;
    }

    public void change(EngineerVisibility visibility, String by, Instant now) {
        this.engineerVisibility = visibility;
        this.updatedBy = by;
        this.updatedAt = now;
    }
}
