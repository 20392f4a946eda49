package app.rungs.calibration.domain;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CalibrationSessionRepository extends JpaRepository<CalibrationSession, Long> {

    @Query("select s from CalibrationSession s order by s.createdAt desc, s.id desc")
    List<CalibrationSession> findPage(Pageable page);

    /** Sessions a manager facilitates or takes part in. */
    @Query("""
            select s from CalibrationSession s
            where lower(s.facilitatorUsername) = lower(?1)
               or s.id in (select p.sessionId from SessionParticipant p where p.personId = ?2)
            order by s.createdAt desc, s.id desc""")
    List<CalibrationSession> findPageOf(String username, Long personId, Pageable page);

    @Query("""
            select count(s) from CalibrationSession s
            where lower(s.facilitatorUsername) = lower(?1)
               or s.id in (select p.sessionId from SessionParticipant p where p.personId = ?2)""")
    long countOf(String username, Long personId);

    @Query("select s from CalibrationSession s where s.id in ?1")
    List<CalibrationSession> findByIds(Collection<Long> ids);

    /** Id and name of the sessions asked for, for the audit log. */
    @Query("select s.id, s.name from CalibrationSession s where s.id in ?1")
    java.util.List<Object[]> findNames(java.util.Collection<Long> ids);
}
