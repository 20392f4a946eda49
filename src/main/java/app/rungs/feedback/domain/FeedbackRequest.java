package app.rungs.feedback.domain;

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
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A request for peer feedback about one engineer; its topics are fixed when it is made. */
@Entity
@Table(name = "feedback_request")
public class FeedbackRequest extends AbstractEntity {

    /** The topic key of a request about one evidence item or case: peers answer about it as a whole. */
    public static final String OVERALL = "OVERALL";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "feedback_seq")
    @SequenceGenerator(name = "feedback_seq", sequenceName = "feedback_seq", allocationSize = 50)
    private Long id;

    @Column(name = "subject_id", nullable = false)
    private Long subjectId;

    @Column(name = "requester_id", nullable = false)
    private Long requesterId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FeedbackScope scope;

    @Column(name = "evidence_id")
    private Long evidenceId;

    @Column(name = "case_id")
    private Long caseId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "topic_keys", nullable = false)
    private String[] topicKeys;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "topic_names", nullable = false)
    private String[] topicNames;

    private String cycle;

    @Column(nullable = false)
    private Instant deadline;

    private String message;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected FeedbackRequest() {}

    public FeedbackRequest(
            Long subjectId,
            Long requesterId,
            FeedbackScope scope,
            Long evidenceId,
            Long caseId,
            List<String> topicKeys,
            List<String> topicNames,
            String cycle,
            Instant deadline,
            String message,
            Instant createdAt) {
        this.subjectId = subjectId;
        this.requesterId = requesterId;
        this.scope = scope;
        this.evidenceId = evidenceId;
        this.caseId = caseId;
        this.topicKeys = topicKeys.toArray(String[]::new);
        this.topicNames = topicNames.toArray(String[]::new);
        this.cycle = cycle;
        this.deadline = deadline;
        this.message = message;
        this.createdAt = createdAt;
    }

    @Override
    public Long getId() {
        return id;
    }

    public Long getSubjectId() {
        return subjectId;
    }

    public Long getRequesterId() {
        return requesterId;
    }

    public FeedbackScope getScope() {
        return scope;
    }

    public Long getEvidenceId() {
        return evidenceId;
    }

    public Long getCaseId() {
        return caseId;
    }

    public List<String> getTopicKeys() {
        return List.of(topicKeys);
    }

    public List<String> getTopicNames() {
        return List.of(topicNames);
    }

    public String getCycle() {
        return cycle;
    }

    public Instant getDeadline() {
        return deadline;
    }

    public String getMessage() {
        return message;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }

    /** True when an answer is still accepted at this moment. */
    public boolean isOpen(Instant now) {
        return now.isBefore(deadline);
    }
}
