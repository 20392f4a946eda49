package app.rungs.security.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SsoSettingsRepository extends JpaRepository<SsoSettings, Long> {}
