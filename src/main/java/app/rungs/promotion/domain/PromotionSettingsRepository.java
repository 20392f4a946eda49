package app.rungs.promotion.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PromotionSettingsRepository extends JpaRepository<PromotionSettings, Long> {}
