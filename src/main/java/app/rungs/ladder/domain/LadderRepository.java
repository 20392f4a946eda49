package app.rungs.ladder.domain;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface LadderRepository extends JpaRepository<Ladder, Long> {

    @Query("select l from Ladder l where lower(l.name) = lower(?1)")
    Optional<Ladder> findByName(String name);

    @Query("select l from Ladder l where l.publicSlug = ?1 and l.publicSince is not null and l.retired = false")
    Optional<Ladder> findPublicBySlug(String slug);

    boolean existsByPublicSlug(String slug);

    /** Id and name of the ladders asked for, for the audit log. */
    @Query("select l.id, l.name from Ladder l where l.id in ?1")
    java.util.List<Object[]> findNames(java.util.Collection<Long> ids);
}
