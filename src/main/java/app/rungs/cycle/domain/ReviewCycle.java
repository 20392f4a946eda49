package app.rungs.cycle.domain;

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

/**
 * A review cycle: its label (the key other features' data carry) and the five windows, in step order:
 * self-assessment, peer feedback, manager assessment, promotion nominations, calibration.
 */
@Entity
@Table(name = "review_cycle")
public class ReviewCycle extends AbstractEntity {

    /** Number of windows, one per step. */
    public static final int STEPS = 5;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "review_cycle_seq")
    @SequenceGenerator(name = "review_cycle_seq", sequenceName = "review_cycle_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 20)
    private String label;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private CycleStatus status;

    @Column(name = "self_assessment_opens", nullable = false)
    private LocalDate selfAssessmentOpens;

    @Column(name = "self_assessment_due", nullable = false)
    private LocalDate selfAssessmentDue;

    @Column(name = "peer_feedback_opens", nullable = false)
    private LocalDate peerFeedbackOpens;

    @Column(name = "peer_feedback_due", nullable = false)
    private LocalDate peerFeedbackDue;

    @Column(name = "manager_assessment_opens", nullable = false)
    private LocalDate managerAssessmentOpens;

    @Column(name = "manager_assessment_due", nullable = false)
    private LocalDate managerAssessmentDue;

    @Column(name = "nomination_opens", nullable = false)
    private LocalDate nominationOpens;

    @Column(name = "nomination_due", nullable = false)
    private LocalDate nominationDue;

    @Column(name = "calibration_opens", nullable = false)
    private LocalDate calibrationOpens;

    @Column(name = "calibration_due", nullable = false)
    private LocalDate calibrationDue;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "closed_by")
    private String closedBy;

    @Version
    private long version;

    protected ReviewCycle() {}

    public ReviewCycle(String label, List<Window> windows, String createdBy, Instant now) {
        this.label = label;
        this.status = CycleStatus.OPEN;
        this.createdBy = createdBy;
        this.createdAt = now;
        setWindows(windows);
    }

    @Override
    public Long getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }

    public CycleStatus getStatus() {
        return status;
    }

    public long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getClosedBy() {
        return closedBy;
    }

    /** The five windows in step order. */
    public List<Window> windows() {
        return List.of(
                new Window(selfAssessmentOpens, selfAssessmentDue),
                new Window(peerFeedbackOpens, peerFeedbackDue),
                new Window(managerAssessmentOpens, managerAssessmentDue),
                new Window(nominationOpens, nominationDue),
                new Window(calibrationOpens, calibrationDue));
    }

    /** Moves the windows; a closed cycle is history and keeps its dates. */
    public void reschedule(List<Window> windows) {
        requireOpen();
        setWindows(windows);
    }

    public void close(String by, Instant now) {
        requireOpen();
        this.status = CycleStatus.CLOSED;
        this.closedBy = by;
        this.closedAt = now;
    }

    private void requireOpen() {
        if (status != CycleStatus.OPEN) {
            throw new IllegalStateException("Cycle " + label + " is closed");
        }
    }

    private void setWindows(List<Window> w) {
        if (w.size() != STEPS) {
            throw new IllegalArgumentException("A cycle has " + STEPS + " windows, got " + w.size());
        }
        selfAssessmentOpens = w.get(0).opens();
        selfAssessmentDue = w.get(0).due();
        peerFeedbackOpens = w.get(1).opens();
        peerFeedbackDue = w.get(1).due();
        managerAssessmentOpens = w.get(2).opens();
        managerAssessmentDue = w.get(2).due();
        nominationOpens = w.get(3).opens();
        nominationDue = w.get(3).due();
        calibrationOpens = w.get(4).opens();
        calibrationDue = w.get(4).due();
    }
}
