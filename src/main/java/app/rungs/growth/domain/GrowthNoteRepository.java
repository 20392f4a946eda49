package app.rungs.growth.domain;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface GrowthNoteRepository extends JpaRepository<GrowthNote, Long> {

    /** The notes of several goals, oldest first, in one statement. */
    @Query("select n from GrowthNote n where n.goalId in ?1 order by n.createdAt, n.id")
    List<GrowthNote> findByGoals(Collection<Long> goalIds);
}
