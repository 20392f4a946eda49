package app.rungs.growth.domain;

import java.util.List;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface GrowthGoalRepository extends JpaRepository<GrowthGoal, Long> {

    /** A person's goals, open ones first, then by target date. */
    @EntityGraph(attributePaths = "evidenceIds")
    @Query(
            "select g from GrowthGoal g where g.personId = ?1 order by case g.status when app.rungs.growth.domain.GoalStatus.OPEN"
                    + " then 0 else 1 end, g.targetDate, g.id")
    List<GrowthGoal> findByPerson(Long personId);
}
