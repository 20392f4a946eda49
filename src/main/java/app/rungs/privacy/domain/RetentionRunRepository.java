package app.rungs.privacy.domain;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RetentionRunRepository extends JpaRepository<RetentionRun, Long> {

    Optional<RetentionRun> findFirstByOrderByStartedAtDescIdDesc();
}
