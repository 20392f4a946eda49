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

/**
 * One engineer of a session: who they are (names, team, manager and level as they were when the session was
 * created), the manager's proposal, the committee's final rating and promotion decision, and the notes. Changes are
 * optimistic: every editor passes the version it loaded.
 */
@Entity
@Table(name = "calibration_entry")
public class CalibrationEntry extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "calibration_seq")
    @SequenceGenerator(name = "calibration_seq", sequenceName = "calibration_seq", allocationSize = 50)
    private Long id;

    @Column(name = "session_id", nullable = false, updatable = false)
    private Long sessionId;

    @Column(name = "person_id", nullable = false, updatable = false)
    private Long personId;

    @Column(name = "person_name", nullable = false, updatable = false)
    private String personName;

    @Column(name = "team_id", updatable = false)
    private Long teamId;

    @Column(name = "team_name", updatable = false)
    private String teamName;

    @Column(name = "manager_id", updatable = false)
    private Long managerId;

    @Column(name = "manager_name", updatable = false)
    private String managerName;

    @Column(name = "ladder_id", nullable = false, updatable = false)
    private Long ladderId;

    @Column(name = "level_key", nullable = false, updatable = false)
    private String levelKey;

    @Column(name = "level_since", updatable = false)
    private LocalDate levelSince;

    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "case_target_level")
    private String caseTargetLevel;

    @Column(name = "proposed_rating")
    private String proposedRating;

    @Column(name = "proposal_rationale")
    private String proposalRationale;

    @Column(name = "proposed_by")
    private String proposedBy;

    @Column(name = "proposed_at")
    private Instant proposedAt;

    @Column(name = "final_rating")
    private String finalRating;

    @Enumerated(EnumType.STRING)
    private Decision decision;

    private String feedback;

    private String notes;

    /** Rated only in sessions that rate potential; null until rated. */
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Potential potential;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected CalibrationEntry() {}

    public CalibrationEntry(
            Long sessionId,
            Long personId,
            String personName,
            Long teamId,
            String teamName,
            Long managerId,
            String managerName,
            Long ladderId,
            String levelKey,
            LocalDate levelSince,
            Instant now) {
        this.sessionId = sessionId;
        this.personId = personId;
        this.personName = personName;
        this.teamId = teamId;
        this.teamName = teamName;
        this.managerId = managerId;
        this.managerName = managerName;
        this.ladderId = ladderId;
        this.levelKey = levelKey;
        this.levelSince = levelSince;
        this.decision = Decision.NO_CASE;
        this.updatedAt = now;
    }

    @Override
    public Long getId() {
        return id;
    }

    public Long getSessionId() {
        return sessionId;
    }

    public Long getPersonId() {
        return personId;
    }

    public String getPersonName() {
        return personName;
    }

    public Long getTeamId() {
        return teamId;
    }

    public String getTeamName() {
        return teamName;
    }

    public Long getManagerId() {
        return managerId;
    }

    public String getManagerName() {
        return managerName;
    }

    public Long getLadderId() {
        return ladderId;
    }

    public String getLevelKey() {
        return levelKey;
    }

    public LocalDate getLevelSince() {
        return levelSince;
    }

    public Long getCaseId() {
        return caseId;
    }

    public String getCaseTargetLevel() {
        return caseTargetLevel;
    }

    public String getProposedRating() {
        return proposedRating;
    }

    public String getProposalRationale() {
        return proposalRationale;
    }

    public String getProposedBy() {
        return proposedBy;
    }

    public Instant getProposedAt() {
        return proposedAt;
    }

    public String getFinalRating() {
        return finalRating;
    }

    public Decision getDecision() {
        return decision;
    }

    public String getFeedback() {
        return feedback;
    }

    public String getNotes() {
        return notes;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }

    /** Sets or (with a null rating) withdraws the manager's proposal. */
    public void propose(String rating, String rationale, String by, Instant now) {
        this.proposedRating = rating;
        this.proposalRationale = rating == null ? null : rationale;
        this.proposedBy = rating == null ? null : by;
        this.proposedAt = rating == null ? null : now;
        this.updatedAt = now;
    }

    public void rate(String rating, Instant now) {
        this.finalRating = rating;
        this.updatedAt = now;
    }

    public void decide(Decision decision, Instant now) {
        this.decision = decision;
        this.updatedAt = now;
    }

    public void giveFeedback(String feedback, Instant now) {
        this.feedback = feedback;
        this.updatedAt = now;
    }

    public void note(String notes, Instant now) {
        this.notes = notes;
        this.updatedAt = now;
    }

    /** Links the engineer's promotion case (null: none); an entry without a case has nothing to decide. */
    public void linkCase(Long caseId, String targetLevel, Instant now) {
        this.caseId = caseId;
        this.caseTargetLevel = caseId == null ? null : targetLevel;
        if (caseId == null) {
            this.decision = Decision.NO_CASE;
        } else if (this.decision == Decision.NO_CASE) {
            this.decision = null;
        }
        this.updatedAt = now;
    }

    public Potential getPotential() {
        return potential;
    }

    public void ratePotential(Potential potential, Instant now) {
        this.potential = potential;
        this.updatedAt = now;
    }
}
