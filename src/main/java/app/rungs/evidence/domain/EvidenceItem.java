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
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One piece of promotion evidence. Owner and ladder are kept as ids; competencies and levels as the stable keys of
 * the owner's ladder. Type-specific fields live in {@code details} (JSON object of strings), validated by the
 * service.
 */
@Entity
@Table(name = "evidence_item")
public class EvidenceItem extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "evidence_seq")
    @SequenceGenerator(name = "evidence_seq", sequenceName = "evidence_seq", allocationSize = 50)
    private Long id;

    @Column(name = "owner_id", nullable = false, updatable = false)
    private Long ownerId;

    @Column(name = "ladder_id", nullable = false)
    private Long ladderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EvidenceType type;

    @Column(nullable = false)
    private String title;

    @Column(name = "occurred_on", nullable = false)
    private LocalDate occurredOn;

    private String description;

    private String impact;

    @Column(name = "level_key", nullable = false)
    private String levelKey;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "competency_keys", columnDefinition = "varchar(80)[]", nullable = false)
    private String[] competencyKeys = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "links", columnDefinition = "text[]", nullable = false)
    private String[] links = new String[0];

    @ColumnTransformer(write = "?::jsonb")
    @Column(name = "details", columnDefinition = "jsonb", nullable = false)
    private String details = "{}";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EvidenceStatus status = EvidenceStatus.DRAFT;

    private int revision = 1;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    @Column(name = "reviewed_by")
    private String reviewedBy;

    @Column(name = "review_comment")
    private String reviewComment;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "source", updatable = false)
    private EvidenceSource source;

    @Column(name = "external_ref", updatable = false)
    private String externalRef;

    @Version
    private long version;

    protected EvidenceItem() {}

    /**
     * A draft that arrived from another system for its owner to complete: the content that system knows, no
     * competencies yet (the owner chooses them, and the editor requires them before anything is saved again).
     */
    public static EvidenceItem externalDraft(
            Long ownerId,
            Long ladderId,
            EvidenceSource source,
            String externalRef,
            EvidenceType type,
            String title,
            LocalDate occurredOn,
            String description,
            String levelKey,
            String[] links,
            String details,
            Instant now) {
        var item = new EvidenceItem(ownerId, ladderId, now);
        item.source = source;
        item.externalRef = externalRef;
        item.type = type;
        item.title = title;
        item.occurredOn = occurredOn;
        item.description = description;
        item.levelKey = levelKey;
        item.links = links.clone();
        item.details = details;
        return item;
    }

    /** A draft from another system that its owner has not submitted yet: nobody else sees it. */
    public boolean isUnsubmittedExternalDraft() {
        return source != null && status == EvidenceStatus.DRAFT && submittedAt == null;
    }

    public EvidenceItem(Long ownerId, Long ladderId, Instant now) {
        this.ownerId = ownerId;
        this.ladderId = ladderId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Replaces the content as someone in these roles; review state is changed separately. */
    public void setContent(
            Set<EvidenceRole> as,
            EvidenceType type,
            String title,
            LocalDate occurredOn,
            String description,
            String impact,
            String levelKey,
            String[] competencyKeys,
            String[] links,
            String details,
            Instant now) {
        require(EvidenceAction.EDIT, as, null);
        this.type = type;
        this.title = title;
        this.occurredOn = occurredOn;
        this.description = description;
        this.impact = impact;
        this.levelKey = levelKey;
        this.competencyKeys = competencyKeys.clone();
        this.links = links.clone();
        this.details = details;
        this.updatedAt = now;
    }

    /**
     * Refuses (IllegalStateException) what {@link EvidenceAction} does not allow these roles in the current status.
     * The service checks the same rule first to give the user a specific message; this keeps the entity consistent.
     */
    public void require(EvidenceAction action, Set<EvidenceRole> as, String note) {
        var refusal = action.check(status, as, note);
        if (refusal != EvidenceAction.Refusal.NONE) {
            throw new IllegalStateException(action + " refused on " + status + " evidence: " + refusal);
        }
        if (action == EvidenceAction.DELETE && revision > 1) {
            throw new IllegalStateException("DELETE refused on evidence that was acknowledged before");
        }
    }

    public void submit(Set<EvidenceRole> as, Instant now) {
        require(EvidenceAction.SUBMIT, as, null);
        status = EvidenceStatus.SUBMITTED;
        submittedAt = now;
        reviewedAt = null;
        reviewedBy = null;
        reviewComment = null;
    }

    /** Acknowledges submitted content; a note goes to the conversation, not onto the item. */
    public void acknowledge(Set<EvidenceRole> as, String reviewer, Instant now) {
        require(EvidenceAction.ACKNOWLEDGE, as, null);
        review(EvidenceStatus.ACKNOWLEDGED, reviewer, null, now);
    }

    /** Returns submitted content to its owner with the comment saying what is missing. */
    public void returnForChanges(Set<EvidenceRole> as, String reviewer, String comment, Instant now) {
        require(EvidenceAction.RETURN, as, comment);
        review(EvidenceStatus.RETURNED, reviewer, comment, now);
    }

    private void review(EvidenceStatus outcome, String reviewer, String comment, Instant now) {
        status = outcome;
        reviewedAt = now;
        reviewedBy = reviewer;
        reviewComment = comment;
    }

    /** Starts the next revision of acknowledged content, as a draft (which the owner may submit right away). */
    public void startRevision(Set<EvidenceRole> as) {
        require(EvidenceAction.EDIT, as, null);
        if (status != EvidenceStatus.ACKNOWLEDGED) {
            throw new IllegalStateException("Only acknowledged evidence starts a new revision; this is " + status);
        }
        revision++;
        status = EvidenceStatus.DRAFT;
        reviewedAt = null;
        reviewedBy = null;
        reviewComment = null;
    }

    public void touch(Instant now) {
        updatedAt = now;
    }

    @Override
    public Long getId() {
        return id;
    }

    public Long getOwnerId() {
        return ownerId;
    }

    public Long getLadderId() {
        return ladderId;
    }

    public void setLadderId(Long ladderId) {
        this.ladderId = ladderId;
    }

    public EvidenceType getType() {
        return type;
    }

    public String getTitle() {
        return title;
    }

    public LocalDate getOccurredOn() {
        return occurredOn;
    }

    public String getDescription() {
        return description;
    }

    public String getImpact() {
        return impact;
    }

    public String getLevelKey() {
        return levelKey;
    }

    public String[] getCompetencyKeys() {
        return competencyKeys.clone();
    }

    public String[] getLinks() {
        return links.clone();
    }

    public String getDetails() {
        return details;
    }

    public EvidenceStatus getStatus() {
        return status;
    }

    public int getRevision() {
        return revision;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getReviewedAt() {
        return reviewedAt;
    }

    public String getReviewedBy() {
        return reviewedBy;
    }

    public String getReviewComment() {
        return reviewComment;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }

    public EvidenceSource getSource() {
        return source;
    }

    public String getExternalRef() {
        return externalRef;
    }
}
