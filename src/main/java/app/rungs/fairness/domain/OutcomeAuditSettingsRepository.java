package app.rungs.fairness.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface OutcomeAuditSettingsRepository extends JpaRepository<OutcomeAuditSettings, Long> {}
