package app.rungs.evidence.domain;

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
import java.time.Instant;

/** One entry of the conversation about an item. Never edited. */
@Entity
@Table(name = "evidence_comment")
public class EvidenceComment extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "evidence_seq")
    @SequenceGenerator(name = "evidence_seq", sequenceName = "evidence_seq", allocationSize = 50)
    private Long id;

    @Column(name = "evidence_id", nullable = false, updatable = false)
    private Long evidenceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private CommentKind kind;

    @Column(name = "author_person_id", updatable = false)
    private Long authorPersonId;

    @Column(name = "author_name", nullable = false, updatable = false)
    private String authorName;

    @Column(updatable = false)
    private String body;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected EvidenceComment() {}

    public EvidenceComment(
            Long evidenceId, CommentKind kind, Long authorPersonId, String authorName, String body, Instant createdAt) {
        this.evidenceId = evidenceId;
        this.kind = kind;
        this.authorPersonId = authorPersonId;
        this.authorName = authorName;
        this.body = body;
        this.createdAt = createdAt;
    }

    @Override
    public Long getId() {
        return id;
    }

    public Long getEvidenceId() {
        return evidenceId;
    }

    public CommentKind getKind() {
        return kind;
    }

    public Long getAuthorPersonId() {
        return authorPersonId;
    }

    public String getAuthorName() {
        return authorName;
    }

    public String getBody() {
        return body;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
