package app.rungs.promotion.domain;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PromotionCommentRepository extends JpaRepository<PromotionComment, Long> {

    /** Comments of the given kinds only: the engineer's query never fetches committee notes at all. */
    @Query("select c from PromotionComment c where c.caseId = ?1 and c.kind in ?2 order by c.createdAt, c.id")
    List<PromotionComment> findByCase(Long caseId, Collection<CommentKind> kinds);
}
