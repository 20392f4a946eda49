package app.rungs.ladder.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface LevelPayBandRepository extends JpaRepository<LevelPayBand, Long> {

    @Query(
            "select b from LevelPayBand b join fetch b.level l where b.ladderVersion.id = ?1 order by l.position, b.currency")
    List<LevelPayBand> findByVersion(Long versionId);

    @Query("select b from LevelPayBand b join fetch b.level l where b.ladderVersion.id = ?1 and l.key in ?2"
            + " order by l.position, b.currency")
    List<LevelPayBand> findByVersionAndLevels(Long versionId, List<String> levelKeys);
}
