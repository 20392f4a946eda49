package app.rungs.calibration.domain;

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
 * One participant's blind rating of one engineer, given before the session. Until the session starts only its rater
 * reads it; the start reveals every pre-rating of the session together.
 */
@Entity
@Table(name = "calibration_pre_rating")
public class PreRating extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "calibration_seq")
    @SequenceGenerator(name = "calibration_seq", sequenceName = "calibration_seq", allocationSize = 50)
    private Long id;

    @Column(name = "session_id", nullable = false, updatable = false)
    private Long sessionId;

    @Column(name = "entry_id", nullable = false, updatable = false)
    private Long entryId;

    @Column(name = "rater_person_id", nullable = false, updatable = false)
    private Long raterPersonId;

    @Column(nullable = false)
    private String rating;

    @Column(name = "rated_at", nullable = false)
    private Instant ratedAt;

    @Version
    private long version;

    protected PreRating() {}

    public PreRating(Long sessionId, Long entryId, Long raterPersonId, String rating, Instant now) {
        this.sessionId = sessionId;
        this.entryId = entryId;
        this.raterPersonId = raterPersonId;
        this.rating = rating;
        this.ratedAt = now;
    }

    @Override
    public Long getId() {
        return id;
    }

    public Long getSessionId() {
        return sessionId;
    }

    public Long getEntryId() {
        return entryId;
    }

    public Long getRaterPersonId() {
        return raterPersonId;
    }

    public String getRating() {
        return rating;
    }

    public Instant getRatedAt() {
        return ratedAt;
    }

    public void rate(String rating, Instant now) {
        this.rating = rating;
        this.ratedAt = now;
    }
}
