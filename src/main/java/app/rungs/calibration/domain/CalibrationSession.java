package app.rungs.calibration.domain;

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
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A calibration session: its scope, rating scale, facilitator and status. The facilitator is kept by username (an
 * admin facilitator has no person record) with the name as it was.
 */
@Entity
@Table(name = "calibration_session")
public class CalibrationSession extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "calibration_seq")
    @SequenceGenerator(name = "calibration_seq", sequenceName = "calibration_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false, updatable = false)
    private String cycle;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SessionStatus status;

    @Column(name = "rating_scale", nullable = false, updatable = false)
    private String[] ratingScale;

    @Column(name = "scope_team_ids", nullable = false, updatable = false)
    private Long[] scopeTeamIds;

    @Column(name = "scope_team_names", nullable = false, updatable = false)
    private String[] scopeTeamNames;

    @Column(name = "scope_level_keys", nullable = false, updatable = false)
    private String[] scopeLevelKeys;

    @Column(name = "facilitator_username", nullable = false, updatable = false)
    private String facilitatorUsername;

    @Column(name = "facilitator_name", nullable = false, updatable = false)
    private String facilitatorName;

    @Column(name = "facilitator_person_id", updatable = false)
    private Long facilitatorPersonId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "locked_at")
    private Instant lockedAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "published_by")
    private String publishedBy;

    @Column(name = "effective_date")
    private LocalDate effectiveDate;

    /** Whether the committee rates potential (Low, Medium, High) per engineer, for the 9-box. */
    @Column(name = "potential_rated", nullable = false)
    private boolean potentialRated;

    @Version
    private long version;

    protected CalibrationSession() {}

    public CalibrationSession(
            String name,
            String cycle,
            List<String> ratingScale,
            List<Long> scopeTeamIds,
            List<String> scopeTeamNames,
            List<String> scopeLevelKeys,
            String facilitatorUsername,
            String facilitatorName,
            Long facilitatorPersonId,
            Instant createdAt) {
        this.name = name;
        this.cycle = cycle;
        this.status = SessionStatus.PREPARING;
        this.ratingScale = ratingScale.toArray(String[]::new);
        this.scopeTeamIds = scopeTeamIds.toArray(Long[]::new);
        this.scopeTeamNames = scopeTeamNames.toArray(String[]::new);
        this.scopeLevelKeys = scopeLevelKeys.toArray(String[]::new);
        this.facilitatorUsername = facilitatorUsername;
        this.facilitatorName = facilitatorName;
        this.facilitatorPersonId = facilitatorPersonId;
        this.createdAt = createdAt;
    }

    @Override
    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void rename(String name) {
        this.name = name;
    }

    public String getCycle() {
        return cycle;
    }

    public SessionStatus getStatus() {
        return status;
    }

    public List<String> getRatingScale() {
        return List.of(ratingScale);
    }

    public List<Long> getScopeTeamIds() {
        return List.of(scopeTeamIds);
    }

    public List<String> getScopeTeamNames() {
        return List.of(scopeTeamNames);
    }

    public List<String> getScopeLevelKeys() {
        return List.of(scopeLevelKeys);
    }

    public String getFacilitatorUsername() {
        return facilitatorUsername;
    }

    public String getFacilitatorName() {
        return facilitatorName;
    }

    public Long getFacilitatorPersonId() {
        return facilitatorPersonId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getLockedAt() {
        return lockedAt;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public String getPublishedBy() {
        return publishedBy;
    }

    public LocalDate getEffectiveDate() {
        return effectiveDate;
    }

    public long getVersion() {
        return version;
    }

    /**
     * Checks that someone in these roles may take the action in the current status. Who is checked first: someone
     * who may never take the action learns nothing about the status.
     */
    public void require(SessionAction action, Set<SessionRole> roles) {
        if (!action.mayBeTakenBy(roles)) {
            throw SessionActionRefused.notYours(this, action);
        }
        if (!action.from().contains(status)) {
            throw SessionActionRefused.wrongStatus(this, action);
        }
    }

    private void take(SessionAction action, Set<SessionRole> roles) {
        require(action, roles);
        status = action.to();
    }

    public void start(Set<SessionRole> roles, Instant now) {
        take(SessionAction.START, roles);
        startedAt = now;
    }

    public void lock(Set<SessionRole> roles, Instant now) {
        take(SessionAction.LOCK, roles);
        lockedAt = now;
    }

    public void reopen(Set<SessionRole> roles) {
        take(SessionAction.REOPEN, roles);
        lockedAt = null;
    }

    public void publish(Set<SessionRole> roles, Instant now, String by, LocalDate effective) {
        take(SessionAction.PUBLISH, roles);
        publishedAt = now;
        publishedBy = by;
        effectiveDate = effective;
    }

    public boolean isPotentialRated() {
        return potentialRated;
    }

    public void ratePotential(boolean rated) {
        this.potentialRated = rated;
    }
}
