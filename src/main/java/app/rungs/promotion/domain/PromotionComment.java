package app.rungs.promotion.domain;

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
import org.hibernate.annotations.Immutable;

/** A comment on a case, or a committee note that the engineer never sees. */
@Entity
@Immutable
@Table(name = "promotion_comment")
public class PromotionComment extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "promotion_seq")
    @SequenceGenerator(name = "promotion_seq", sequenceName = "promotion_seq", allocationSize = 50)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private Long caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CommentKind kind;

    @Column(name = "author_person_id")
    private Long authorPersonId;

    @Column(name = "author_name", nullable = false)
    private String authorName;

    @Column(nullable = false)
    private String body;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PromotionComment() {}

    public PromotionComment(
            Long caseId, CommentKind kind, Long authorPersonId, String authorName, String body, Instant createdAt) {
        this.caseId = caseId;
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

    public Long getCaseId() {
        return caseId;
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
