package app.rungs.ladder.domain;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface LevelRepository extends JpaRepository<Level, Long> {
    @Query("select l from Level l where l.ladderVersion.id = ?1 order by l.position")
    List<Level> findByVersion(Long versionId);

    @Query(
            "select new app.rungs.ladder.domain.VersionCount(x.ladderVersion.id, count(x)) from Level x group by x.ladderVersion.id")
    List<VersionCount> countByVersion();

    @Query(
            "select new app.rungs.ladder.domain.VersionCount(x.ladderVersion.id, count(x)) from Level x where x.ladderVersion.id in ?1 group by x.ladderVersion.id")
    List<VersionCount> countByVersions(Collection<Long> versionIds);
}
