package app.rungs.scim.domain;

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

/** One deactivation an identity provider asked for, and whether it was applied or held. */
@Entity
@Table(name = "scim_deactivation")
public class ScimDeactivation extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "scim_seq")
    @SequenceGenerator(name = "scim_seq", sequenceName = "scim_seq", allocationSize = 50)
    private Long id;

    @Column(name = "person_id", nullable = false)
    private Long personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeactivationStatus status;

    @Column(name = "token_name", nullable = false)
    private String tokenName;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decided_by")
    private String decidedBy;

    @Version
    private long version;

    protected ScimDeactivation() {}

    public ScimDeactivation(Long personId, DeactivationStatus status, String tokenName, Instant requestedAt) {
        this.personId = personId;
        this.status = status;
        this.tokenName = tokenName;
        this.requestedAt = requestedAt;
    }

    @Override
    public Long getId() {
        return id;
    }

    public Long getPersonId() {
        return personId;
    }

    public DeactivationStatus getStatus() {
        return status;
    }

    public String getTokenName() {
        return tokenName;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public void decide(DeactivationStatus outcome, Instant at, String by) {
        if (status != DeactivationStatus.HELD) {
            throw new IllegalStateException("Only a held deactivation can be decided");
        }
        this.status = outcome;
        this.decidedAt = at;
        this.decidedBy = by;
    }

    public long getVersion() {
        return version;
    }
}
