package app.rungs.ladder.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "competency_area")
public class CompetencyArea extends VersionPart {

    @Column(name = "area_key", nullable = false)
    private String key;

    @Column(nullable = false)
    private String name;

    private String description;

    private int position;

    protected CompetencyArea() {}

    public CompetencyArea(LadderVersion version, String key, String name, String description, int position) {
        super(version);
        this.key = key;
        this.name = name;
        this.description = description;
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

    public int getPosition() {
        return position;
    }

    public void setPosition(int position) {
        this.position = position;
    }
}
