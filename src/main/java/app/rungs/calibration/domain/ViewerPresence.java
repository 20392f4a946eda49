package app.rungs.calibration.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One open session board: who opened it and when it last sent a heartbeat. Kept in PostgreSQL so that every
 * instance behind the proxy sees the same viewers; written through {@link PresenceRepository}'s upsert.
 */
@Entity
@Table(name = "calibration_presence")
public class ViewerPresence {

    @Id
    @Column(name = "viewer_id")
    private String viewerId;

    @Column(name = "session_id", nullable = false)
    private Long sessionId;

    @Column(nullable = false)
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "last_seen", nullable = false)
    private Instant lastSeen;

    protected ViewerPresence() {}

    public String getViewerId() {
        return viewerId;
    }

    public Long getSessionId() {
        return sessionId;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Instant getLastSeen() {
        return lastSeen;
    }
}
