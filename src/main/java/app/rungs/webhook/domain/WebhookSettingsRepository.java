package app.rungs.webhook.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface WebhookSettingsRepository extends JpaRepository<WebhookSettings, WebhookSource> {}
