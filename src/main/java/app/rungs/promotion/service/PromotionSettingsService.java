package app.rungs.promotion.service;

import app.rungs.audit.service.AuditService;
import app.rungs.promotion.domain.PromotionSettings;
import app.rungs.promotion.domain.PromotionSettingsRepository;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.service.ConcurrentEditException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the organization lets engineers read of their own promotion cases. By default reviewers' verdicts are for the
 * committee only; an admin may share them. {@link PromotionPackets} enforces the choice when it builds the
 * engineer's copy of a case, so no screen or export can show more.
 */
@Service
public class PromotionSettingsService {

    private final PromotionSettingsRepository settings;
    private final AuditService audit;
    private final Clock clock;

    PromotionSettingsService(PromotionSettingsRepository settings, AuditService audit, Clock clock) {
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public PromotionSettingsView settings() {
        var s = current(settings);
        return new PromotionSettingsView(s.isVerdictsShownToEngineer(), s.getVersion());
    }

    /** Shares reviewers' verdicts with the engineers of cases, or stops sharing them. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void showVerdictsToEngineer(boolean shown, long expectedVersion) {
        var s = current(settings);
        if (s.getVersion() != expectedVersion) {
            throw new ConcurrentEditException("The promotion settings");
        }
        boolean before = s.isVerdictsShownToEngineer();
        s.showVerdictsToEngineer(shown, CurrentUser.actorName(), Instant.now(clock));
        settings.flush();
        audit.record(
                "PROMOTION_SETTINGS_CHANGED",
                "PromotionSettings",
                s.getId(),
                shown
                        ? "Engineers now see reviewers' verdicts on their promotion cases"
                        : "Reviewers' verdicts are no longer shown to engineers",
                Map.of("verdictsShownToEngineer", before),
                Map.of("verdictsShownToEngineer", shown));
    }

    static PromotionSettings current(PromotionSettingsRepository settings) {
        return settings.findById(PromotionSettings.ID)
                .orElseThrow(() -> new IllegalStateException("promotion_settings has no row; see V18"));
    }
}
