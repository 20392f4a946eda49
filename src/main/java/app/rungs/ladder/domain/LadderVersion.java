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

/**
 * One version of a ladder's content. Its status moves only through {@link #take}, checked against
 * {@link VersionAction}; only a draft's content may change.
 */
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

    /** Readiness rule: every core expectation of the current level must be backed. */
    @Column(name = "rule_current_core", nullable = false)
    private boolean ruleCurrentCore = true;

    /** Readiness rule: share (0..100) of the target level's applicable core and track expectations backed. */
    @Column(name = "rule_target_percent", nullable = false)
    private int ruleTargetPercent = 60;

    /** Readiness rule: the share counts competency weights instead of expectations. */
    @Column(name = "rule_weighted", nullable = false)
    private boolean ruleWeighted;

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

    /** True when this version's status allows the action. */
    public boolean allows(VersionAction action) {
        return action.from().contains(status);
    }

    /** Refuses an action this version's status does not allow, naming the version and its status. */
    public void check(VersionAction action) {
        if (!allows(action)) {
            throw new VersionActionRefused("Version " + number + " is "
                    + status.name().toLowerCase()
                    + "; \"" + action.label().toLowerCase() + "\" needs it to be "
                    + action.from().stream().map(s -> s.name().toLowerCase()).toList() + ".");
        }
    }

    /**
     * Takes a status-changing step. Publishing records who and when, and keeps the change note written with it
     * (a blank note keeps the one the draft had).
     */
    public void take(VersionAction action, String by, Instant at, String note) {
        check(action);
        if (!action.changesStatus()) {
            throw new IllegalArgumentException(action + " does not change the status of a version");
        }
        if (action == VersionAction.PUBLISH) {
            this.publishedBy = by;
            this.publishedAt = at;
            if (note != null && !note.isBlank()) {
                this.changeNote = note.strip();
            }
        }
        this.status = action.to();
    }

    public long getVersion() {
        return version;
    }

    public boolean isDraft() {
        return status == VersionStatus.DRAFT;
    }

    public boolean isRuleCurrentCore() {
        return ruleCurrentCore;
    }

    public int getRuleTargetPercent() {
        return ruleTargetPercent;
    }

    public boolean isRuleWeighted() {
        return ruleWeighted;
    }

    /** Sets the readiness rule; the caller has validated it (percent within 0..100). */
    public void setRule(boolean currentCore, int targetPercent, boolean weighted) {
        this.ruleCurrentCore = currentCore;
        this.ruleTargetPercent = targetPercent;
        this.ruleWeighted = weighted;
    }
}
