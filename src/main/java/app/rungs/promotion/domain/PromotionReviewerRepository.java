package app.rungs.promotion.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PromotionReviewerRepository extends JpaRepository<PromotionReviewer, Long> {

    @Query("select r from PromotionReviewer r where r.caseId = ?1 order by r.addedAt, r.id")
    List<PromotionReviewer> findByCase(Long caseId);

    @Query("select r from PromotionReviewer r where r.caseId = ?1 and r.personId = ?2")
    Optional<PromotionReviewer> findByCaseAndPerson(Long caseId, Long personId);

    /** Whether the person reviews a case of the engineer that is in one of these statuses. */
    @Query("""
            select count(r) > 0 from PromotionReviewer r, PromotionCase c
            where c.id = r.caseId and r.personId = ?1 and c.engineerId = ?2 and c.status in ?3""")
    boolean reviewsCaseOf(Long reviewerId, Long engineerId, Collection<CaseStatus> statuses);
}
