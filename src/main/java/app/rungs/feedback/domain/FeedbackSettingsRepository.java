package app.rungs.feedback.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface FeedbackSettingsRepository extends JpaRepository<FeedbackSettings, Long> {}
