package app.rungs.people.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface LevelAssignmentRepository extends JpaRepository<LevelAssignment, Long> {
    @Query("select a from LevelAssignment a where a.personId = ?1 order by a.effectiveDate desc, a.id desc")
    List<LevelAssignment> findHistory(Long personId);
}
