package app.rungs.promotion.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PromotionReviewerRepository extends JpaRepository<PromotionReviewer, Long> {

    @Query("select r from PromotionReviewer r where r.caseId = ?1 order by r.addedAt, r.id")
    List<PromotionReviewer> findByCase(Long caseId);

    @Query("select r from PromotionReviewer r where r.caseId = ?1 and r.personId = ?2")
    Optional<PromotionReviewer> findByCaseAndPerson(Long caseId, Long personId);
}
