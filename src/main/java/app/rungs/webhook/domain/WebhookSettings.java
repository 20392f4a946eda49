package app.rungs.webhook.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One provider's webhook settings: its signing secret (encrypted, see WebhookSecrets), the previous secret while a
 * rotation is under way, and its mappings. One row per provider, created by the migration.
 */
@Entity
@Table(name = "webhook_settings")
public class WebhookSettings {

    @Id
    @Enumerated(EnumType.STRING)
    private WebhookSource source;

    @Column(name = "secret_cipher")
    private String secretCipher;

    @Column(name = "secret_created_at")
    private Instant secretCreatedAt;

    @Column(name = "previous_cipher")
    private String previousCipher;

    @Column(nullable = false)
    private String repositories = "";

    @Column(name = "user_emails", nullable = false)
    private String userEmails = "";

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Version
    private long version;

    protected WebhookSettings() {}

    /** A new secret replaces the current one, which stays valid as the previous one until it is retired. */
    public void rotateSecret(String cipher, Instant now, String by) {
        previousCipher = secretCipher;
        secretCipher = cipher;
        secretCreatedAt = now;
        touch(now, by);
    }

    public void retirePrevious(Instant now, String by) {
        previousCipher = null;
        touch(now, by);
    }

    public void setMappings(String repositories, String userEmails, Instant now, String by) {
        this.repositories = repositories;
        this.userEmails = userEmails;
        touch(now, by);
    }

    private void touch(Instant now, String by) {
        updatedAt = now;
        updatedBy = by;
    }

    public WebhookSource getSource() {
        return source;
    }

    public String getSecretCipher() {
        return secretCipher;
    }

    public Instant getSecretCreatedAt() {
        return secretCreatedAt;
    }

    public String getPreviousCipher() {
        return previousCipher;
    }

    public String getRepositories() {
        return repositories;
    }

    public String getUserEmails() {
        return userEmails;
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
