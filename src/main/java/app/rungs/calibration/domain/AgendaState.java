package app.rungs.calibration.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/** Which engineer the facilitator is discussing now and since when; one per session once the agenda has moved. */
@Entity
@Table(name = "calibration_agenda")
public class AgendaState {

    @Id
    @Column(name = "session_id")
    private Long sessionId;

    @Column(name = "current_entry_id")
    private Long currentEntryId;

    private Instant since;

    @Version
    private long version;

    protected AgendaState() {}

    public AgendaState(Long sessionId) {
        this.sessionId = sessionId;
    }

    public Long getSessionId() {
        return sessionId;
    }

    public Long getCurrentEntryId() {
        return currentEntryId;
    }

    public Instant getSince() {
        return since;
    }

    public long getVersion() {
        return version;
    }

    /**
     * Moves the discussion to another engineer (null: nobody, the timer stops) and returns the seconds spent on the
     * one discussed until now (0 when nobody was).
     */
    public long moveTo(Long entryId, Instant now) {
        long spent = currentEntryId == null
                ? 0
                : Math.max(0, Duration.between(since, now).toSeconds());
        currentEntryId = entryId;
        since = entryId == null ? null : now;
        return spent;
    }
}
