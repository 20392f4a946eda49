package app.rungs.growth.domain;

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

/** A progress note or manager comment on a goal; notes are never edited, so the history stays as it was. */
@Entity
@Table(name = "growth_note")
public class GrowthNote extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "growth_seq")
    @SequenceGenerator(name = "growth_seq", sequenceName = "growth_seq", allocationSize = 50)
    private Long id;

    @Column(name = "goal_id", nullable = false)
    private Long goalId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private NoteKind kind;

    @Column(nullable = false)
    private String body;

    @Column(name = "author_person_id")
    private Long authorPersonId;

    @Column(name = "author_name", nullable = false)
    private String authorName;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected GrowthNote() {}

    public GrowthNote(Long goalId, NoteKind kind, String body, Long authorPersonId, String authorName, Instant now) {
        this.goalId = goalId;
        this.kind = kind;
        this.body = body;
        this.authorPersonId = authorPersonId;
        this.authorName = authorName;
        this.createdAt = now;
    }

    @Override
    public Long getId() {
        return id;
    }

    public Long getGoalId() {
        return goalId;
    }

    public NoteKind getKind() {
        return kind;
    }

    public String getBody() {
        return body;
    }

    public Long getAuthorPersonId() {
        return authorPersonId;
    }

    public String getAuthorName() {
        return authorName;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
