package app.rungs.evidence.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface EvidenceItemRepository
        extends JpaRepository<EvidenceItem, Long>, JpaSpecificationExecutor<EvidenceItem> {

    @Query("select e from EvidenceItem e where e.ownerId = ?1 order by e.occurredOn desc, e.id desc")
    List<EvidenceItem> findByOwner(Long ownerId);

    @Query("select e from EvidenceItem e where e.id in ?1")
    List<EvidenceItem> findAllByIds(Collection<Long> ids);

    /** What coverage needs of every item of many owners, without any content; one statement. */
    @Query("select e.ownerId as ownerId, e.levelKey as levelKey, e.competencyKeys as competencyKeys,"
            + " e.status as status from EvidenceItem e where e.ownerId in ?1")
    List<CoverageFact> findCoverageFacts(Collection<Long> ownerIds);

    /** The fields of an item coverage matches on. */
    interface CoverageFact {
        Long getOwnerId();

        String getLevelKey();

        String[] getCompetencyKeys();

        EvidenceStatus getStatus();
    }

    @Query("select e.status, count(e) from EvidenceItem e where e.ownerId = ?1 group by e.status")
    List<Object[]> countByStatus(Long ownerId);

    /** As {@link #countByStatus} for someone other than the owner: drafts from other systems not yet submitted stay out. */
    @Query("select e.status, count(e) from EvidenceItem e where e.ownerId = ?1"
            + " and not (e.source is not null and e.status = app.rungs.evidence.domain.EvidenceStatus.DRAFT"
            + " and e.submittedAt is null) group by e.status")
    List<Object[]> countByStatusWithoutExternalDrafts(Long ownerId);

    @Query("select e.id from EvidenceItem e where e.ownerId = ?1 and e.source = ?2 and e.externalRef = ?3")
    Optional<Long> findExternal(Long ownerId, EvidenceSource source, String externalRef);

    @Query("select e.ownerId from EvidenceItem e where e.id = ?1")
    Optional<Long> findOwnerId(Long id);

    /** Id and title of the items asked for, for the audit log. */
    @Query("select e.id, e.title from EvidenceItem e where e.id in ?1")
    java.util.List<Object[]> findTitles(java.util.Collection<Long> ids);
}
