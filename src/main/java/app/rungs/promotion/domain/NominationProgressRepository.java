package app.rungs.promotion.domain;

import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Which engineers have a promotion case in a cycle, for the review-cycle progress view. */
public interface NominationProgressRepository extends Repository<PromotionCase, Long> {

    /** Of the engineers given (one array), those with a case in the cycle that was not withdrawn or declined. */
    @Query(value = """
                    select distinct engineer_id from promotion_case
                    where lower(cycle) = lower(:cycle) and status not in ('WITHDRAWN', 'DECLINED')
                        and engineer_id = any(:ids)
                    """, nativeQuery = true)
    List<Long> nominatedAmong(String cycle, Long[] ids);
}
