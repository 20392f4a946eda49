package app.rungs.calibration.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SessionParticipantRepository extends JpaRepository<SessionParticipant, Long> {

    @Query("select p from SessionParticipant p where p.sessionId = ?1 order by p.personName")
    List<SessionParticipant> findBySession(Long sessionId);
}
