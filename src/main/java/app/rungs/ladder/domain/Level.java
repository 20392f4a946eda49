package app.rungs.ladder.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "ladder_level")
public class Level extends VersionPart {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tier_id")
    private Tier tier;

    @Column(name = "level_key", nullable = false)
    private String key;

    @Column(nullable = false)
    private String title;

    private int position;

    private String scope;

    private String impact;

    @Column(name = "typical_experience")
    private String typicalExperience;

    /** Null: a shared level every track passes through. */
    @Column(name = "track_key")
    private String trackKey;

    /** How many of the electives expected at this level a person must back. */
    @Column(name = "electives_required")
    private int electivesRequired;

    protected Level() {}

    public Level(LadderVersion version, Tier tier, String key, String title, int position) {
        super(version);
        this.tier = tier;
        this.key = key;
        this.title = title;
        this.position = position;
    }

    public Tier getTier() {
        return tier;
    }

    public void setTier(Tier tier) {
        this.tier = tier;
    }

    public String getKey() {
        return key;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public int getPosition() {
        return position;
    }

    public void setPosition(int position) {
        this.position = position;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    public String getImpact() {
        return impact;
    }

    public void setImpact(String impact) {
        this.impact = impact;
    }

    public String getTypicalExperience() {
        return typicalExperience;
    }

    public void setTypicalExperience(String typicalExperience) {
        this.typicalExperience = typicalExperience;
    }

    public String getTrackKey() {
        return trackKey;
    }

    public void setTrackKey(String trackKey) {
        this.trackKey = trackKey;
    }

    public int getElectivesRequired() {
        return electivesRequired;
    }

    public void setElectivesRequired(int electivesRequired) {
        this.electivesRequired = electivesRequired;
    }
}
