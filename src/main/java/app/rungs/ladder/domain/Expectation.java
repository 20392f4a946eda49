package app.rungs.ladder.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** What a level asks of a competency; carries upward to higher levels until one of them replaces it. */
@Entity
@Table(name = "expectation")
public class Expectation extends VersionPart {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "competency_id")
    private Competency competency;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "level_id")
    private Level level;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ExpectationKind kind;

    private String statement;

    private String examples;

    @Version
    private long version;

    protected Expectation() {}

    public Expectation(
            LadderVersion ladderVersion,
            Competency competency,
            Level level,
            ExpectationKind kind,
            String statement,
            String examples) {
        super(ladderVersion);
        this.competency = competency;
        this.level = level;
        this.kind = kind;
        this.statement = statement;
        this.examples = examples;
    }

    public Competency getCompetency() {
        return competency;
    }

    public Level getLevel() {
        return level;
    }

    public ExpectationKind getKind() {
        return kind;
    }

    public String getStatement() {
        return statement;
    }

    public String getExamples() {
        return examples;
    }

    public void update(ExpectationKind kind, String statement, String examples) {
        this.kind = kind;
        this.statement = statement;
        this.examples = examples;
    }

    public long getVersion() {
        return version;
    }
}
