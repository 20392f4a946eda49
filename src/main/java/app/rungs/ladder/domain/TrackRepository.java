package app.rungs.ladder.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TrackRepository extends JpaRepository<Track, Long> {
    @Query("select t from Track t where t.ladderVersion.id = ?1 order by t.position")
    List<Track> findByVersion(Long versionId);
}
