package app.rungs.ladder.domain;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CompetencyRepository extends JpaRepository<Competency, Long> {
    @Query("select c from Competency c where c.ladderVersion.id = ?1 order by c.area.position, c.position")
    List<Competency> findByVersion(Long versionId);

    @Query(
            "select new app.rungs.ladder.domain.VersionCount(x.ladderVersion.id, count(x)) from Competency x group by x.ladderVersion.id")
    List<VersionCount> countByVersion();

    @Query(
            "select new app.rungs.ladder.domain.VersionCount(x.ladderVersion.id, count(x)) from Competency x where x.ladderVersion.id in ?1 group by x.ladderVersion.id")
    List<VersionCount> countByVersions(Collection<Long> versionIds);
}
