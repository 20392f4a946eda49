package app.rungs.ladder.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "competency")
public class Competency extends VersionPart {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "area_id")
    private CompetencyArea area;

    @Column(name = "competency_key", nullable = false)
    private String key;

    @Column(nullable = false)
    private String name;

    private String description;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "specializations", columnDefinition = "varchar(40)[]")
    private List<String> specializations = new ArrayList<>();

    private int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Applicability applicability = Applicability.CORE;

    /** 1..5; counts only when the version's readiness rule is weighted. */
    private int weight = 1;

    protected Competency() {}

    public Competency(LadderVersion version, CompetencyArea area, String key, String name, int position) {
        super(version);
        this.area = area;
        this.key = key;
        this.name = name;
        this.position = position;
    }

    public CompetencyArea getArea() {
        return area;
    }

    public void setArea(CompetencyArea area) {
        this.area = area;
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

    public List<SpecializationTrack> getSpecializations() {
        return specializations.stream().map(SpecializationTrack::valueOf).toList();
    }

    public void setSpecializations(List<SpecializationTrack> tracks) {
        this.specializations = new ArrayList<>(tracks.stream().map(Enum::name).toList());
    }

    public int getPosition() {
        return position;
    }

    public void setPosition(int position) {
        this.position = position;
    }

    public Applicability getApplicability() {
        return applicability;
    }

    public void setApplicability(Applicability applicability) {
        this.applicability = applicability;
    }

    public int getWeight() {
        return weight;
    }

    public void setWeight(int weight) {
        this.weight = weight;
    }
}
