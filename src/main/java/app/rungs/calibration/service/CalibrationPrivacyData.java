package app.rungs.calibration.service;

import app.rungs.calibration.domain.CalibrationEntryRepository;
import app.rungs.security.service.PersonalDataAccess;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Calibration data in a person's data export, and the retention of presence rows. */
@Service
public class CalibrationPrivacyData {

    private final CalibrationEntryRepository entries;
    private final JdbcClient jdbc;

    CalibrationPrivacyData(CalibrationEntryRepository entries, DataSource dataSource) {
        this.entries = entries;
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** A person's published outcomes, exactly as they see them on "My calibration": never notes. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<Outcome> outcomesOf(Long personId) {
        PersonalDataAccess.requireSelfOrAdmin(personId);
        return entries.findPublishedOf(personId).stream().map(Outcome::of).toList();
    }

    /** Everything the committees recorded about a person in every session, for an admin's internal export. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public List<CalibrationNote> internalNotesOf(Long personId) {
        PersonalDataAccess.requireInternalAccess(personId);
        return jdbc.sql("""
                        select s.id, s.name, s.cycle, s.status, e.proposed_rating, e.proposal_rationale,
                               e.proposed_by, e.final_rating, e.decision, e.feedback, e.notes, e.updated_at
                        from calibration_entry e join calibration_session s on s.id = e.session_id
                        where e.person_id = :person order by s.created_at, s.id""")
                .param("person", personId)
                .query((rs, n) -> new CalibrationNote(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getString(11),
                        rs.getTimestamp(12).toInstant()))
                .list();
    }

    /** Deletes up to {@code limit} "who has the board open" rows last seen before the cutoff. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public int deletePresenceBefore(Instant cutoff, int limit) {
        return jdbc.sql("""
                        delete from calibration_presence where viewer_id in (
                            select viewer_id from calibration_presence where last_seen < :cutoff
                            order by last_seen limit :limit)""")
                .param("cutoff", java.sql.Timestamp.from(cutoff))
                .param("limit", limit)
                .update();
    }
}
