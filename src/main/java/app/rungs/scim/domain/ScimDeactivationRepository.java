package app.rungs.scim.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ScimDeactivationRepository extends JpaRepository<ScimDeactivation, Long> {

    @Query("select count(d) from ScimDeactivation d where d.status = app.rungs.scim.domain.DeactivationStatus.APPLIED"
            + " and d.requestedAt >= ?1")
    long countAppliedSince(Instant since);

    @Query("select d from ScimDeactivation d where d.personId = ?1"
            + " and d.status = app.rungs.scim.domain.DeactivationStatus.HELD")
    Optional<ScimDeactivation> findHeld(Long personId);

    @Query("select d from ScimDeactivation d where d.status = app.rungs.scim.domain.DeactivationStatus.HELD"
            + " order by d.requestedAt, d.id")
    List<ScimDeactivation> findAllHeld();
}
