package app.rungs.people.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface LevelAssignmentRepository extends JpaRepository<LevelAssignment, Long> {

    /** The live history (cancelled scheduled changes left out), newest first, scheduled changes included. */
    @Query("select a from LevelAssignment a where a.personId = ?1 and a.cancelledAt is null"
            + " order by a.effectiveDate desc, a.id desc")
    List<LevelAssignment> findHistory(Long personId);

    /** Ladders anyone is or will be placed on. */
    @Query("select distinct a.ladderId from LevelAssignment a where a.cancelledAt is null")
    List<Long> findLaddersInUse();
}
