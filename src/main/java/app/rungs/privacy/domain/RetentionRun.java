package app.rungs.privacy.domain;

import app.rungs.shared.domain.AbstractEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One run of the retention job. Written once, never edited. */
@Entity
@Table(name = "retention_run")
public class RetentionRun extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "retention_seq")
    @SequenceGenerator(name = "retention_seq", sequenceName = "retention_seq", allocationSize = 50)
    private Long id;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at", nullable = false)
    private Instant finishedAt;

    @Column(name = "triggered_by", nullable = false)
    private String triggeredBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "retention_run_result", joinColumns = @JoinColumn(name = "run_id"))
    @OrderColumn(name = "position")
    private List<RetentionRunResult> results = new ArrayList<>();

    protected RetentionRun() {}

    public RetentionRun(Instant startedAt, Instant finishedAt, String triggeredBy, List<RetentionRunResult> results) {
        this.startedAt = startedAt;
        this.finishedAt = finishedAt;
        this.triggeredBy = triggeredBy;
        this.results = new ArrayList<>(results);
    }

    @Override
    public Long getId() {
        return id;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public String getTriggeredBy() {
        return triggeredBy;
    }

    public List<RetentionRunResult> getResults() {
        return List.copyOf(results);
    }
}
