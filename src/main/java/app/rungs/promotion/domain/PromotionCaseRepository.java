package app.rungs.promotion.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface PromotionCaseRepository
        extends JpaRepository<PromotionCase, Long>, JpaSpecificationExecutor<PromotionCase> {

    @Query("select c from PromotionCase c where c.engineerId = ?1 and c.status in ?2")
    Optional<PromotionCase> findOpenOf(Long engineerId, Collection<CaseStatus> open);

    @Query("select distinct c.cycle from PromotionCase c order by c.cycle desc")
    List<String> cycles();

    @Query("select distinct c.targetLevelKey from PromotionCase c order by c.targetLevelKey")
    List<String> targetLevels();

    /** Id, engineer and target level of the cases asked for, for the audit log. */
    @Query("select c.id, c.engineerId, c.targetLevelKey from PromotionCase c where c.id in ?1")
    java.util.List<Object[]> findLabels(java.util.Collection<Long> ids);
}
