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
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A peer's answer on one topic of a request; written once with the answer and never changed (no version). */
@Entity
@Table(name = "feedback_answer")
public class FeedbackAnswer extends AbstractEntity {

    public static final int MAX_EXAMPLES = 4000;
    public static final int MAX_LINKS = 3;
    public static final int MAX_LINK = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "feedback_seq")
    @SequenceGenerator(name = "feedback_seq", sequenceName = "feedback_seq", allocationSize = 50)
    private Long id;

    @Column(name = "ask_id", nullable = false)
    private Long askId;

    @Column(name = "topic_key", nullable = false)
    private String topicKey;

    @Enumerated(EnumType.STRING)
    private Rating rating;

    @Column(nullable = false)
    private String examples;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private String[] links;

    protected FeedbackAnswer() {}

    public FeedbackAnswer(Long askId, String topicKey, Rating rating, String examples, List<String> links) {
        this.askId = askId;
        this.topicKey = topicKey;
        this.rating = rating;
        this.examples = examples;
        this.links = links.toArray(String[]::new);
    }

    @Override
    public Long getId() {
        return id;
    }

    public Long getAskId() {
        return askId;
    }

    public String getTopicKey() {
        return topicKey;
    }

    public Rating getRating() {
        return rating;
    }

    public String getExamples() {
        return examples;
    }

    public List<String> getLinks() {
        return List.of(links);
    }
}
