package app.rungs.evidence.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface EvidenceCommentRepository extends JpaRepository<EvidenceComment, Long> {

    @Query("select c from EvidenceComment c where c.evidenceId = ?1 order by c.createdAt, c.id")
    List<EvidenceComment> findByEvidence(Long evidenceId);
}
