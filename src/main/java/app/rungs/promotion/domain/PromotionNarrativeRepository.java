package app.rungs.promotion.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PromotionNarrativeRepository extends JpaRepository<PromotionNarrative, Long> {

    @Query("select n from PromotionNarrative n where n.caseId = ?1")
    List<PromotionNarrative> findByCase(Long caseId);

    @Query("select n from PromotionNarrative n where n.caseId = ?1 and n.areaKey = ?2")
    Optional<PromotionNarrative> findByCaseAndArea(Long caseId, String areaKey);
}
