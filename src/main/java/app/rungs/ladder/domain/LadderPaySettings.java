package app.rungs.ladder.domain;

import app.rungs.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * Per ladder: whether engineers see the pay bands of their own and next level, and a cited market reference shown
 * where a level has no company band. A ladder without a row shows bands to admins only.
 */
@Entity
@Table(name = "ladder_pay_settings")
public class LadderPaySettings extends AbstractEntity {

    @Id
    @Column(name = "ladder_id")
    private Long ladderId;

    @Column(name = "bands_shown_to_engineers", nullable = false)
    private boolean bandsShownToEngineers;

    @Column(name = "market_reference")
    private String marketReference;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "updated_by")
    private String updatedBy;

    @Version
    private long version;

    protected LadderPaySettings() {}

    public LadderPaySettings(Long ladderId, String marketReference) {
        this.ladderId = ladderId;
        this.marketReference = marketReference;
    }

    @Override
    public Long getId() {
        return ladderId;
    }

    public boolean isBandsShownToEngineers() {
        return bandsShownToEngineers;
    }

    public String getMarketReference() {
        return marketReference;
    }

    public long getVersion() {
        return version;
    }

    public void showBandsToEngineers(boolean shown, String by, Instant at) {
        this.bandsShownToEngineers = shown;
        this.updatedBy = by;
        this.updatedAt = at;
    }
}
