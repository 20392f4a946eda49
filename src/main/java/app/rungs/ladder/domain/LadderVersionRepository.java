package app.rungs.ladder.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface LadderVersionRepository extends JpaRepository<LadderVersion, Long> {

    @Query("select v from LadderVersion v join fetch v.ladder where v.ladder.id = ?1 order by v.number desc")
    List<LadderVersion> findByLadder(Long ladderId);

    @Query("select v from LadderVersion v join fetch v.ladder where v.ladder.id = ?1 and v.status = ?2")
    Optional<LadderVersion> findByLadderAndStatus(Long ladderId, VersionStatus status);

    @Query("select v from LadderVersion v join fetch v.ladder where v.id = ?1")
    Optional<LadderVersion> findWithLadder(Long id);

    @Query("select coalesce(max(v.number), 0) from LadderVersion v where v.ladder.id = ?1")
    int maxNumber(Long ladderId);
}
