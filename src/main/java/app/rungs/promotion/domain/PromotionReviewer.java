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

/** A person chosen to review a case, with their sign-off once given. */
@Entity
@Table(name = "promotion_reviewer")
public class PromotionReviewer extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "promotion_seq")
    @SequenceGenerator(name = "promotion_seq", sequenceName = "promotion_seq", allocationSize = 50)
    private Long id;

    @Column(name = "case_id", nullable = false, updatable = false)
    private Long caseId;

    @Column(name = "person_id", nullable = false, updatable = false)
    private Long personId;

    @Column(name = "person_name", nullable = false, updatable = false)
    private String personName;

    @Column(name = "added_at", nullable = false, updatable = false)
    private Instant addedAt;

    @Column(name = "added_by", nullable = false, updatable = false)
    private String addedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "sign_off")
    private SignOff signOff;

    @Column(name = "sign_off_comment")
    private String signOffComment;

    @Column(name = "signed_at")
    private Instant signedAt;

    protected PromotionReviewer() {}

    public PromotionReviewer(Long caseId, Long personId, String personName, String addedBy, Instant addedAt) {
        this.caseId = caseId;
        this.personId = personId;
        this.personName = personName;
        this.addedBy = addedBy;
        this.addedAt = addedAt;
    }

    @Override
    public Long getId() {
        return id;
    }

    public Long getCaseId() {
        return caseId;
    }

    public Long getPersonId() {
        return personId;
    }

    public String getPersonName() {
        return personName;
    }

    public Instant getAddedAt() {
        return addedAt;
    }

    public String getAddedBy() {
        return addedBy;
    }

    public SignOff getSignOff() {
        return signOff;
    }

    public String getSignOffComment() {
        return signOffComment;
    }

    public Instant getSignedAt() {
        return signedAt;
    }

    public void signOff(SignOff verdict, String comment, Instant at) {
        this.signOff = verdict;
        this.signOffComment = comment;
        this.signedAt = at;
    }
}
