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
import java.time.Instant;

/** One change of one field of an entry, with who made it and the entry version it produced. Never changed. */
@Entity
@Table(name = "calibration_change")
public class EntryChange extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "calibration_seq")
    @SequenceGenerator(name = "calibration_seq", sequenceName = "calibration_seq", allocationSize = 50)
    private Long id;

    @Column(name = "entry_id", nullable = false, updatable = false)
    private Long entryId;

    @Column(name = "session_id", nullable = false, updatable = false)
    private Long sessionId;

    @Column(name = "entry_version", nullable = false, updatable = false)
    private long entryVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private EntryField field;

    @Column(name = "from_value", updatable = false)
    private String fromValue;

    @Column(name = "to_value", updatable = false)
    private String toValue;

    @Column(name = "actor_username", nullable = false, updatable = false)
    private String actorUsername;

    @Column(name = "actor_name", nullable = false, updatable = false)
    private String actorName;

    @Column(name = "changed_at", nullable = false, updatable = false)
    private Instant changedAt;

    /** Why: written when a final rating moves away from the proposal (see the calibration protocol). */
    @Column(updatable = false)
    private String reason;

    protected EntryChange() {}

    public EntryChange(
            Long entryId,
            Long sessionId,
            long entryVersion,
            EntryField field,
            String fromValue,
            String toValue,
            String actorUsername,
            String actorName,
            Instant changedAt) {
        this.entryId = entryId;
        this.sessionId = sessionId;
        this.entryVersion = entryVersion;
        this.field = field;
        this.fromValue = fromValue;
        this.toValue = toValue;
        this.actorUsername = actorUsername;
        this.actorName = actorName;
        this.changedAt = changedAt;
    }

    /** A change with the reason given for it. */
    public EntryChange because(String reason) {
        this.reason = reason;
        return this;
    }

    @Override
    public Long getId() {
        return id;
    }

    public Long getEntryId() {
        return entryId;
    }

    public Long getSessionId() {
        return sessionId;
    }

    public long getEntryVersion() {
        return entryVersion;
    }

    public EntryField getField() {
        return field;
    }

    public String getFromValue() {
        return fromValue;
    }

    public String getToValue() {
        return toValue;
    }

    public String getActorUsername() {
        return actorUsername;
    }

    public String getActorName() {
        return actorName;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getReason() {
        return reason;
    }
}
