package app.rungs.checkin.domain;

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

/** A competency of a check-in as its ladder version stated it (a snapshot), with the outcome agreed for it. */
@Entity
@Table(name = "check_in_item")
public class CheckInItem extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "check_in_seq")
    @SequenceGenerator(name = "check_in_seq", sequenceName = "check_in_seq", allocationSize = 50)
    private Long id;

    @Column(name = "check_in_id", nullable = false, updatable = false)
    private Long checkInId;

    @Column(nullable = false, updatable = false)
    private int position;

    @Column(name = "competency_key", nullable = false, updatable = false)
    private String competencyKey;

    @Column(name = "competency_name", nullable = false, updatable = false)
    private String competencyName;

    @Column(name = "area_name", nullable = false, updatable = false)
    private String areaName;

    @Column(nullable = false, updatable = false)
    private String statement;

    @Enumerated(EnumType.STRING)
    private Rating outcome;

    @Column(name = "outcome_note")
    private String outcomeNote;

    protected CheckInItem() {}

    public CheckInItem(
            Long checkInId,
            int position,
            String competencyKey,
            String competencyName,
            String areaName,
            String statement) {
        this.checkInId = checkInId;
        this.position = position;
        this.competencyKey = competencyKey;
        this.competencyName = competencyName;
        this.areaName = areaName;
        this.statement = statement;
    }

    public void agree(Rating outcome, String note) {
        this.outcome = outcome;
        this.outcomeNote = note;
    }

    @Override
    public Long getId() {
        return id;
    }

    public Long getCheckInId() {
        return checkInId;
    }

    public int getPosition() {
        return position;
    }

    public String getCompetencyKey() {
        return competencyKey;
    }

    public String getCompetencyName() {
        return competencyName;
    }

    public String getAreaName() {
        return areaName;
    }

    public String getStatement() {
        return statement;
    }

    public Rating getOutcome() {
        return outcome;
    }

    public String getOutcomeNote() {
        return outcomeNote;
    }
}
