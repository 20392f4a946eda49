package app.rungs.ladder.domain;

import app.rungs.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A career ladder; its content lives in versions. */
@Entity
@Table(name = "ladder")
public class Ladder extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ladder_seq")
    @SequenceGenerator(name = "ladder_seq", sequenceName = "ladder_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false)
    private String name;

    private String description;

    private boolean retired;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();

    /** Address of the public framework page; set when first made public and kept, so links stay valid. */
    @Column(name = "public_slug")
    private String publicSlug;

    /** Since when anonymous visitors may read the published version; null while not public. */
    @Column(name = "public_since")
    private Instant publicSince;

    @Version
    private long version;

    protected Ladder() {}

    public Ladder(String name, String description) {
        this.name = name;
        this.description = description;
    }

    @Override
    public Long getId() {
        return id;
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

    public boolean isRetired() {
        return retired;
    }

    public void setRetired(boolean retired) {
        this.retired = retired;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getPublicSlug() {
        return publicSlug;
    }

    public Instant getPublicSince() {
        return publicSince;
    }

    public boolean isPublic() {
        return publicSince != null;
    }

    /** Opens the published version to anonymous visitors, at the given address unless the ladder already has one. */
    public void makePublic(String slug, Instant now) {
        if (publicSlug == null) {
            publicSlug = slug;
        }
        if (publicSince == null) {
            publicSince = now;
        }
    }

    public void withdrawPublic() {
        publicSince = null;
    }

    public long getVersion() {
        return version;
    }
}
