package app.rungs.audit.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface AuditEventRepository extends JpaRepository<AuditEvent, Long>, JpaSpecificationExecutor<AuditEvent> {

    @Query("select distinct e.action from AuditEvent e order by e.action")
    List<String> findDistinctActions();

    @Query("select distinct e.objectType from AuditEvent e where e.objectType is not null order by e.objectType")
    List<String> findDistinctObjectTypes();
}
