package app.rungs.ladder.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A branch of a ladder version (e.g. Distinguished Engineer vs Research Scientist). It forks from a level by key
 * (null: it starts at the bottom); the levels whose track key is this track's key follow that level on its path.
 */
@Entity
@Table(name = "ladder_track")
public class Track extends VersionPart {

    @Column(name = "track_key", nullable = false)
    private String key;

    @Column(nullable = false)
    private String name;

    private String description;

    @Column(name = "forks_from_level_key")
    private String forksFromLevelKey;

    private int position;

    protected Track() {}

    public Track(LadderVersion version, String key, String name, String forksFromLevelKey, int position) {
        super(version);
        this.key = key;
        this.name = name;
        this.forksFromLevelKey = forksFromLevelKey;
        this.position = position;
    }

    public String getKey() {
        return key;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getForksFromLevelKey() {
        return forksFromLevelKey;
    }

    public void setForksFromLevelKey(String forksFromLevelKey) {
        this.forksFromLevelKey = forksFromLevelKey;
    }

    public int getPosition() {
        return position;
    }

    public void setPosition(int position) {
        this.position = position;
    }
}
