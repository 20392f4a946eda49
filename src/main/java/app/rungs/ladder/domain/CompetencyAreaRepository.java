package app.rungs.ladder.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CompetencyAreaRepository extends JpaRepository<CompetencyArea, Long> {
    @Query("select a from CompetencyArea a where a.ladderVersion.id = ?1 order by a.position")
    List<CompetencyArea> findByVersion(Long versionId);
}
