package app.rungs.growth.domain;

import app.rungs.shared.domain.AbstractEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** One goal of a person's growth plan, tied to a competency of the level they aim for. */
@Entity
@Table(name = "growth_goal")
public class GrowthGoal extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "growth_seq")
    @SequenceGenerator(name = "growth_seq", sequenceName = "growth_seq", allocationSize = 50)
    private Long id;

    @Column(name = "person_id", nullable = false)
    private Long personId;

    @Column(name = "ladder_id", nullable = false)
    private Long ladderId;

    @Column(name = "level_key", nullable = false)
    private String levelKey;

    @Column(name = "competency_key", nullable = false)
    private String competencyKey;

    @Column(name = "competency_name", nullable = false)
    private String competencyName;

    @Column(nullable = false)
    private String title;

    @Column(name = "target_date", nullable = false)
    private LocalDate targetDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private GoalStatus status;

    @ElementCollection
    @CollectionTable(name = "growth_goal_evidence", joinColumns = @JoinColumn(name = "goal_id"))
    @Column(name = "evidence_id")
    private Set<Long> evidenceIds = new LinkedHashSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected GrowthGoal() {}

    public GrowthGoal(Long personId, Long ladderId, String createdBy, Instant now) {
        this.personId = personId;
        this.ladderId = ladderId;
        this.status = GoalStatus.OPEN;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
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

    public String getLevelKey() {
        return levelKey;
    }

    public String getCompetencyKey() {
        return competencyKey;
    }

    public String getCompetencyName() {
        return competencyName;
    }

    public String getTitle() {
        return title;
    }

    public LocalDate getTargetDate() {
        return targetDate;
    }

    public GoalStatus getStatus() {
        return status;
    }

    public Set<Long> getEvidenceIds() {
        return Set.copyOf(evidenceIds);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }

    public void describe(
            String levelKey,
            String competencyKey,
            String competencyName,
            String title,
            LocalDate targetDate,
            Collection<Long> evidenceIds,
            Instant now) {
        this.levelKey = levelKey;
        this.competencyKey = competencyKey;
        this.competencyName = competencyName;
        this.title = title;
        this.targetDate = targetDate;
        this.evidenceIds.clear();
        this.evidenceIds.addAll(evidenceIds);
        this.updatedAt = now;
    }

    public void setStatus(GoalStatus status, Instant now) {
        this.status = status;
        this.updatedAt = now;
    }

    /** A note counts as a change of the goal: it moves the version, so concurrent editors notice. */
    public void touch(Instant now) {
        this.updatedAt = now;
    }
}
