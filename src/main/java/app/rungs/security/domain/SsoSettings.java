package app.rungs.security.domain;

import app.rungs.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The one row of single sign-on settings admins edit: the claim that carries a user's groups. */
@Entity
@Table(name = "sso_settings")
public class SsoSettings extends AbstractEntity {

    public static final long ID = 1L;

    @Id
    private Long id;

    @Column(name = "role_claim", nullable = false)
    private String roleClaim;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "updated_by")
    private String updatedBy;

    @Version
    private long version;

    protected SsoSettings() {}

    @Override
    public Long getId() {
        return id;
    }

    public String getRoleClaim() {
        return roleClaim;
    }

    public void changeRoleClaim(String roleClaim, String by, Instant at) {
        this.roleClaim = roleClaim;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public long getVersion() {
        return version;
    }
}
