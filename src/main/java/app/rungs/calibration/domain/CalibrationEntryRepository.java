package app.rungs.calibration.domain;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface CalibrationEntryRepository extends JpaRepository<CalibrationEntry, Long> {

    @Query("select e from CalibrationEntry e where e.sessionId = ?1 order by e.personName, e.id")
    List<CalibrationEntry> findBySession(Long sessionId);

    /** Id, engineer's name, session id and session name of the entries asked for, for the audit log. */
    @Query("""
            select e.id, e.personName, s.id, s.name from CalibrationEntry e, CalibrationSession s
            where s.id = e.sessionId and e.id in ?1""")
    List<Object[]> findNames(Collection<Long> ids);

    /** The entry, locked for the rest of the transaction, so concurrent editors of one entry take turns. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from CalibrationEntry e where e.id = ?1")
    Optional<CalibrationEntry> findForUpdate(Long id);

    /** Entries, proposals and final ratings per session, for the sessions list. */
    @Query("""
            select e.sessionId, count(e), count(e.proposedRating), count(e.finalRating)
            from CalibrationEntry e where e.sessionId in ?1 group by e.sessionId""")
    List<Object[]> countsBySession(Collection<Long> sessionIds);

    /**
     * The latest published entry of each of these people from sessions other than the given one: their last
     * cycle's outcome (person id, final rating, cycle, decision, the rating's position on that session's scale from 1,
     * and the scale's length).
     */
    @Query(value = """
            select distinct on (e.person_id) e.person_id, e.final_rating, s.cycle, e.decision,
                   array_position(s.rating_scale, e.final_rating), cardinality(s.rating_scale)
            from calibration_entry e join calibration_session s on s.id = e.session_id
            where s.status = 'PUBLISHED' and s.id <> :sessionId and e.person_id in (:personIds)
              and e.final_rating is not null
            order by e.person_id, s.published_at desc, s.id desc""", nativeQuery = true)
    List<Object[]> findLastPublished(Long sessionId, Collection<Long> personIds);

    /** The published entries of one person, newest first: what the engineer sees as their outcomes. */
    @Query("""
            select e, s from CalibrationEntry e, CalibrationSession s
            where s.id = e.sessionId and e.personId = ?1 and s.status = app.rungs.calibration.domain.SessionStatus.PUBLISHED
            order by s.publishedAt desc, s.id desc""")
    List<Object[]> findPublishedOf(Long personId);

    /**
     * How many of these people are calibrated in a session of the cycle that the user (by username or person id)
     * facilitates or takes part in.
     */
    @Query("""
            select count(distinct e.personId) from CalibrationEntry e, CalibrationSession s
            where s.id = e.sessionId and s.cycle = :cycle and e.personId in :personIds
              and (lower(s.facilitatorUsername) = lower(:username)
                   or exists (select p from SessionParticipant p where p.sessionId = s.id and p.personId = :personId))""")
    long countCalibratedBy(String cycle, Collection<Long> personIds, String username, Long personId);

    /** How many sessions of the cycle that the user (by username) facilitates calibrate this person. */
    @Query("""
            select count(s) from CalibrationEntry e, CalibrationSession s
            where s.id = e.sessionId and s.cycle = :cycle and e.personId = :personId
              and lower(s.facilitatorUsername) = lower(:username)""")
    long countFacilitatedBy(String cycle, Long personId, String username);
}
