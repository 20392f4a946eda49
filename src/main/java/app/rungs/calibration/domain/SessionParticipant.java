package app.rungs.calibration.domain;

import app.rungs.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A manager taking part in a session. */
@Entity
@Table(name = "calibration_participant")
public class SessionParticipant extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "calibration_seq")
    @SequenceGenerator(name = "calibration_seq", sequenceName = "calibration_seq", allocationSize = 50)
    private Long id;

    @Column(name = "session_id", nullable = false, updatable = false)
    private Long sessionId;

    @Column(name = "person_id", nullable = false, updatable = false)
    private Long personId;

    @Column(name = "person_name", nullable = false, updatable = false)
    private String personName;

    protected SessionParticipant() {}

    public SessionParticipant(Long sessionId, Long personId, String personName) {
        this.sessionId = sessionId;
        this.personId = personId;
        this.personName = personName;
    }

    @Override
    public Long getId() {
        return id;
    }

    public Long getSessionId() {
        return sessionId;
    }

    public Long getPersonId() {
        return personId;
    }

    public String getPersonName() {
        return personName;
    }
}
