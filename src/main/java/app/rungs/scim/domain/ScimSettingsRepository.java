package app.rungs.scim.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ScimSettingsRepository extends JpaRepository<ScimSettings, Long> {}
