package app.rungs.security.domain;

import app.rungs.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The provider identity (issuer and subject) an account signs in with; one identity per account and vice versa. */
@Entity
@Table(name = "sso_link")
public class SsoLink extends AbstractEntity {

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @Column(nullable = false)
    private String issuer;

    @Column(nullable = false)
    private String subject;

    @Column(name = "linked_at", nullable = false)
    private Instant linkedAt;

    @Column(name = "last_sign_in_at", nullable = false)
    private Instant lastSignInAt;

    @Version
    private long version;

    protected SsoLink() {}

    public SsoLink(Long accountId, String issuer, String subject, Instant at) {
        this.accountId = accountId;
        this.issuer = issuer;
        this.subject = subject;
        this.linkedAt = at;
        this.lastSignInAt = at;
    }

    @Override
    public Long getId() {
        return accountId;
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getIssuer() {
        return issuer;
    }

    public String getSubject() {
        return subject;
    }

    public Instant getLinkedAt() {
        return linkedAt;
    }

    public void signedIn(Instant at) {
        this.lastSignInAt = at;
    }
}
