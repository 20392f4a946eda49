package app.rungs.promotion.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PromotionNotMetRepository extends JpaRepository<PromotionNotMet, Long> {

    @Query("select n from PromotionNotMet n where n.caseId = ?1")
    List<PromotionNotMet> findByCase(Long caseId);

    @Query("select n from PromotionNotMet n where n.caseId = ?1 and n.competencyKey = ?2")
    Optional<PromotionNotMet> findByCaseAndCompetency(Long caseId, String competencyKey);
}
