package app.rungs.ladder.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface LadderPaySettingsRepository extends JpaRepository<LadderPaySettings, Long> {}
