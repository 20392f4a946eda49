package app.rungs.checkin.domain;

import app.rungs.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A check-in between an engineer and their manager on the competencies of the engineer's next level, taken from one
 * ladder version. Each side rates blind; once both submitted they compare; the manager records the agreed outcome and
 * the check-in is frozen. The status rules live here so that services and views agree on them.
 */
@Entity
@Table(name = "check_in")
public class CheckIn extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "check_in_seq")
    @SequenceGenerator(name = "check_in_seq", sequenceName = "check_in_seq", allocationSize = 50)
    private Long id;

    @Column(name = "engineer_id", nullable = false, updatable = false)
    private Long engineerId;

    @Column(name = "manager_id", nullable = false, updatable = false)
    private Long managerId;

    @Column(name = "started_by", nullable = false, updatable = false)
    private String startedBy;

    @Column(updatable = false)
    private String cycle;

    @Column(name = "ladder_id", nullable = false, updatable = false)
    private Long ladderId;

    @Column(name = "ladder_name", nullable = false, updatable = false)
    private String ladderName;

    @Column(name = "ladder_version_id", nullable = false, updatable = false)
    private Long ladderVersionId;

    @Column(name = "ladder_version", nullable = false, updatable = false)
    private int ladderVersion;

    @Column(name = "level_key", nullable = false, updatable = false)
    private String levelKey;

    @Column(name = "target_level_key", nullable = false, updatable = false)
    private String targetLevelKey;

    @Column(name = "due_at")
    private Instant dueAt;

    @Column(name = "engineer_submitted_at")
    private Instant engineerSubmittedAt;

    @Column(name = "manager_submitted_at")
    private Instant managerSubmittedAt;

    @Column(name = "agreed_at")
    private Instant agreedAt;

    @Column(name = "agreed_by")
    private String agreedBy;

    @Column(name = "agreement_note")
    private String agreementNote;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected CheckIn() {}

    public CheckIn(
            Long engineerId,
            Long managerId,
            String startedBy,
            String cycle,
            Long ladderId,
            String ladderName,
            Long ladderVersionId,
            int ladderVersion,
            String levelKey,
            String targetLevelKey,
            Instant dueAt,
            Instant now) {
        this.engineerId = engineerId;
        this.managerId = managerId;
        this.startedBy = startedBy;
        this.cycle = cycle;
        this.ladderId = ladderId;
        this.ladderName = ladderName;
        this.ladderVersionId = ladderVersionId;
        this.ladderVersion = ladderVersion;
        this.levelKey = levelKey;
        this.targetLevelKey = targetLevelKey;
        this.dueAt = dueAt;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public CheckInStatus status() {
        return CheckInStatus.of(engineerSubmittedAt != null, managerSubmittedAt != null, agreedAt != null);
    }

    /** The side the person rates on, or null when they are not part of this check-in. */
    public Side sideOf(Long personId) {
        if (personId == null) {
            return null;
        }
        if (personId.equals(engineerId)) {
            return Side.ENGINEER;
        }
        return personId.equals(managerId) ? Side.MANAGER : null;
    }

    public Instant submittedAt(Side side) {
        return side == Side.ENGINEER ? engineerSubmittedAt : managerSubmittedAt;
    }

    public boolean submitted(Side side) {
        return submittedAt(side) != null;
    }

    /** Blind rating: a side sees the other's ratings only once both submitted. */
    public boolean mayRead(Side reader, Side ratings) {
        return reader == ratings || (submitted(Side.ENGINEER) && submitted(Side.MANAGER));
    }

    /** Why the side may not change its ratings now, or null when it may. */
    public String refusesRating(Side side) {
        if (agreedAt != null) {
            return "This check-in is agreed and frozen; start a new one to rate again.";
        }
        if (submitted(side)) {
            return "Your ratings are submitted and can no longer be changed.";
        }
        return null;
    }

    /** Why the outcome may not be recorded now, or null when it may. */
    public String refusesAgreement() {
        if (agreedAt != null) {
            return "This check-in is already agreed and frozen.";
        }
        if (!submitted(Side.ENGINEER) || !submitted(Side.MANAGER)) {
            return "Both must submit their ratings before an outcome can be agreed.";
        }
        return null;
    }

    public void submit(Side side, Instant now) {
        if (side == Side.ENGINEER) {
            engineerSubmittedAt = now;
        } else {
            managerSubmittedAt = now;
        }
        updatedAt = now;
    }

    public void agree(String by, String note, Instant now) {
        agreedAt = now;
        agreedBy = by;
        agreementNote = note;
        updatedAt = now;
    }

    public void acknowledge(Instant now) {
        acknowledgedAt = now;
        updatedAt = now;
    }

    public void touch(Instant now) {
        updatedAt = now;
    }

    @Override
    public Long getId() {
        return id;
    }

    public Long getEngineerId() {
        return engineerId;
    }

    public Long getManagerId() {
        return managerId;
    }

    public String getStartedBy() {
        return startedBy;
    }

    public String getCycle() {
        return cycle;
    }

    public Long getLadderId() {
        return ladderId;
    }

    public String getLadderName() {
        return ladderName;
    }

    public Long getLadderVersionId() {
        return ladderVersionId;
    }

    public int getLadderVersion() {
        return ladderVersion;
    }

    public String getLevelKey() {
        return levelKey;
    }

    public String getTargetLevelKey() {
        return targetLevelKey;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getAgreedAt() {
        return agreedAt;
    }

    public String getAgreedBy() {
        return agreedBy;
    }

    public String getAgreementNote() {
        return agreementNote;
    }

    public Instant getAcknowledgedAt() {
        return acknowledgedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
