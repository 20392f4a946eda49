package app.rungs.evidence.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface EvidenceAttachmentRepository extends JpaRepository<EvidenceAttachment, Long> {

    @Query("select a from EvidenceAttachment a where a.evidenceId = ?1 order by a.id")
    List<EvidenceAttachment> findByEvidence(Long evidenceId);

    @Query("select count(a) from EvidenceAttachment a where a.evidenceId = ?1")
    long countByEvidence(Long evidenceId);
}
