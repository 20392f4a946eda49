package app.rungs.calibration.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface EntryChangeRepository extends JpaRepository<EntryChange, Long> {

    @Query("select c from EntryChange c where c.entryId = ?1 order by c.changedAt desc, c.id desc")
    List<EntryChange> findByEntry(Long entryId);

    /** Changes made after the given version of the entry, newest first. */
    @Query(
            "select c from EntryChange c where c.entryId = ?1 and c.entryVersion > ?2 order by c.entryVersion desc, c.id")
    List<EntryChange> findSince(Long entryId, long version);
}
