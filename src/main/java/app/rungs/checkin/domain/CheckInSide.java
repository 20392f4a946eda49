package app.rungs.checkin.domain;

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
import org.hibernate.annotations.ColumnTransformer;

/**
 * One side's ratings of a check-in, as JSON keyed by competency key. Versioned on its own so that the engineer and
 * the manager editing their drafts at the same time never conflict with each other, only with themselves.
 */
@Entity
@Table(name = "check_in_side")
public class CheckInSide extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "check_in_seq")
    @SequenceGenerator(name = "check_in_seq", sequenceName = "check_in_seq", allocationSize = 50)
    private Long id;

    @Column(name = "check_in_id", nullable = false, updatable = false)
    private Long checkInId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Side side;

    @ColumnTransformer(write = "?::jsonb")
    @Column(nullable = false, columnDefinition = "jsonb")
    private String ratings = "{}";

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected CheckInSide() {}

    public CheckInSide(Long checkInId, Side side, Instant now) {
        this.checkInId = checkInId;
        this.side = side;
        this.updatedAt = now;
    }

    public void rate(String ratingsJson, Instant now) {
        this.ratings = ratingsJson;
        this.updatedAt = now;
    }

    @Override
    public Long getId() {
        return id;
    }

    public Long getCheckInId() {
        return checkInId;
    }

    public Side getSide() {
        return side;
    }

    public String getRatings() {
        return ratings;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
