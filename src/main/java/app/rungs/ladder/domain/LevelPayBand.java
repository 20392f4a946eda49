package app.rungs.ladder.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;

/**
 * A level's pay band in one currency (whole currency units), part of a ladder version like the level itself. The
 * service validates the amounts; the table's check constraint backs it up.
 */
@Entity
@Table(name = "level_pay_band")
public class LevelPayBand extends VersionPart {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "level_id")
    private Level level;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(name = "min_amount", nullable = false)
    private long min;

    @Column(name = "mid_amount", nullable = false)
    private long mid;

    @Column(name = "max_amount", nullable = false)
    private long max;

    @Column(name = "effective_on", nullable = false)
    private LocalDate effectiveOn;

    @Version
    private long version;

    protected LevelPayBand() {}

    public LevelPayBand(LadderVersion ladderVersion, Level level, String currency) {
        super(ladderVersion);
        this.level = level;
        this.currency = currency;
    }

    public void set(long min, long mid, long max, LocalDate effectiveOn) {
        this.min = min;
        this.mid = mid;
        this.max = max;
        this.effectiveOn = effectiveOn;
    }

    public Level getLevel() {
        return level;
    }

    public String getCurrency() {
        return currency;
    }

    public long getMin() {
        return min;
    }

    public long getMid() {
        return mid;
    }

    public long getMax() {
        return max;
    }

    public LocalDate getEffectiveOn() {
        return effectiveOn;
    }

    public long getVersion() {
        return version;
    }
}
