package app.rungs.security.domain;

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

/** One value of the role claim (a group name) and the Rungs role it grants. Compared exactly, case included. */
@Entity
@Table(name = "sso_role_mapping")
public class SsoRoleMapping extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sso_role_mapping_seq")
    @SequenceGenerator(name = "sso_role_mapping_seq", sequenceName = "sso_role_mapping_seq", allocationSize = 50)
    private Long id;

    @Column(name = "claim_value", nullable = false)
    private String claimValue;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Version
    private long version;

    protected SsoRoleMapping() {}

    public SsoRoleMapping(String claimValue, Role role, String createdBy, Instant createdAt) {
        this.claimValue = claimValue;
        this.role = role;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    @Override
    public Long getId() {
        return id;
    }

    public String getClaimValue() {
        return claimValue;
    }

    public Role getRole() {
        return role;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
