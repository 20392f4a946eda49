package app.rungs.ladder.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TierRepository extends JpaRepository<Tier, Long> {
    @Query("select t from Tier t where t.ladderVersion.id = ?1 order by t.position")
    List<Tier> findByVersion(Long versionId);
}
