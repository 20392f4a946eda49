package app.rungs.cycle.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ReviewCycleRepository extends JpaRepository<ReviewCycle, Long> {

    @Query("select c from ReviewCycle c where lower(c.label) = lower(?1)")
    Optional<ReviewCycle> findByLabel(String label);

    /** Open cycles first, newest first within each status. */
    @Query("select c from ReviewCycle c order by c.status desc, c.selfAssessmentOpens desc, c.id desc")
    List<ReviewCycle> findAllNewestFirst();

    @Query("select c from ReviewCycle c where c.status = ?1 order by c.selfAssessmentOpens desc, c.id desc")
    List<ReviewCycle> findByStatus(CycleStatus status);
}
