package app.rungs.evidence.domain;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CompetencyWaiverRepository extends JpaRepository<CompetencyWaiver, Long> {

    /** A person's waivers on a ladder, newest first (declined ones included, as history). */
    @Query(
            "select w from CompetencyWaiver w where w.personId = ?1 and w.ladderId = ?2 order by w.requestedAt desc, w.id desc")
    List<CompetencyWaiver> findByPerson(Long personId, Long ladderId);

    /** The approved waivers of many people in one statement, for batched readiness. */
    @Query(
            "select w from CompetencyWaiver w where w.personId in ?1 and w.status = app.rungs.evidence.domain.WaiverStatus.APPROVED")
    List<CompetencyWaiver> findApproved(Collection<Long> personIds);

    /** The requested or approved waiver of a person's competency, if any (at most one, by a unique index). */
    @Query("select w from CompetencyWaiver w where w.personId = ?1 and w.ladderId = ?2 and w.competencyKey = ?3"
            + " and w.status in (app.rungs.evidence.domain.WaiverStatus.REQUESTED,"
            + " app.rungs.evidence.domain.WaiverStatus.APPROVED)")
    List<CompetencyWaiver> findOpen(Long personId, Long ladderId, String competencyKey);
}
