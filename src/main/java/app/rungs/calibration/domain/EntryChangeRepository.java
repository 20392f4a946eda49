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

    /**
     * The change log of a session's ratings and decisions, oldest first: when, who, engineer, field, from, to, why.
     * Notes and feedback stay out: their text is for the committee's board, not for an exported log.
     */
    @Query(value = """
            select c.changed_at, c.actor_name, e.person_name, c.field, c.from_value, c.to_value, c.reason
            from calibration_change c join calibration_entry e on e.id = c.entry_id
            where c.session_id = :sessionId
              and c.field in ('PROPOSED_RATING', 'FINAL_RATING', 'DECISION', 'PROMOTION_CASE')
            order by c.changed_at, c.id""", nativeQuery = true)
    List<Object[]> findLogOf(Long sessionId);
}
