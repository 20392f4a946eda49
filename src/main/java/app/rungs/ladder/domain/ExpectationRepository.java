package app.rungs.ladder.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ExpectationRepository extends JpaRepository<Expectation, Long> {
    @Query("select e from Expectation e where e.ladderVersion.id = ?1")
    List<Expectation> findByVersion(Long versionId);
}
