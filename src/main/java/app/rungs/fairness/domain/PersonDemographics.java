package app.rungs.fairness.domain;

import app.rungs.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** What a person chose to say about themselves; only they write it. Keyed by the person. */
@Entity
@Table(name = "person_demographics")
public class PersonDemographics extends AbstractEntity {

    @Id
    @Column(name = "person_id")
    private Long personId;

    @Enumerated(EnumType.STRING)
    private Gender gender;

    @Enumerated(EnumType.STRING)
    @Column(name = "ethnic_minority")
    private EthnicMinority ethnicMinority;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected PersonDemographics() {}

    public PersonDemographics(Long personId, Instant now) {
        this.personId = personId;
        this.updatedAt = now;
    }

    @Override
    public Long getId() {
        return personId;
    }

    public Gender getGender() {
        return gender;
    }

    public EthnicMinority getEthnicMinority() {
        return ethnicMinority;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }

    public void answer(Gender gender, EthnicMinority ethnicMinority, Instant now) {
        this.gender = gender;
        this.ethnicMinority = ethnicMinority;
        this.updatedAt = now;
    }
}
