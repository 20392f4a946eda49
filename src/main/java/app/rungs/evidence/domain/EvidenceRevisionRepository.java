package app.rungs.evidence.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface EvidenceRevisionRepository extends JpaRepository<EvidenceRevision, Long> {

    @Query("select r from EvidenceRevision r where r.evidenceId = ?1 order by r.revision desc")
    List<EvidenceRevision> findByEvidence(Long evidenceId);
}
