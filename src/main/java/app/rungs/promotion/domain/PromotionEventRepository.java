package app.rungs.promotion.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PromotionEventRepository extends JpaRepository<PromotionEvent, Long> {

    @Query("select e from PromotionEvent e where e.caseId = ?1 order by e.occurredAt, e.id")
    List<PromotionEvent> findByCase(Long caseId);
}
