package app.rungs.feedback.service;

import app.rungs.audit.service.AuditService;
import app.rungs.feedback.domain.EngineerVisibility;
import app.rungs.feedback.domain.FeedbackSettings;
import app.rungs.feedback.domain.FeedbackSettingsRepository;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the organization lets engineers read of peer feedback about themselves: attributed, anonymized (only from 3
 * answers), or nothing. Every read of the engineer's own feedback (screens, packet, export) applies it; changing it is
 * audited.
 */
@Service
public class FeedbackSettingsService {

    private final FeedbackSettingsRepository settings;
    private final AuditService audit;
    private final Clock clock;

    FeedbackSettingsService(FeedbackSettingsRepository settings, AuditService audit, Clock clock) {
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public FeedbackSettingsView settings() {
        var s = current();
        return new FeedbackSettingsView(s.getEngineerVisibility(), s.getVersion());
    }

    /** The rule in force, for the feedback reads (no user-facing data: anyone signed in may apply it). */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public EngineerVisibility engineerVisibility() {
        return current().getEngineerVisibility();
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void change(EngineerVisibility visibility, long expectedVersion) {
        if (visibility == null) {
            throw new ValidationException("Choose what engineers see of feedback about themselves.");
        }
        var s = current();
        if (s.getVersion() != expectedVersion) {
            throw new ConcurrentEditException("The feedback settings");
        }
        var before = s.getEngineerVisibility();
        if (before == visibility) {
            return;
        }
        s.change(visibility, CurrentUser.actorName(), Instant.now(clock));
        settings.flush();
        audit.record(
                "FEEDBACK_SETTINGS_CHANGED",
                "FeedbackSettings",
                s.getId(),
                "Engineers now see peer feedback about themselves: " + visibility.label(),
                Map.of("engineerVisibility", before.name()),
                Map.of("engineerVisibility", visibility.name()));
    }

    private FeedbackSettings current() {
        return settings.findById(FeedbackSettings.ID)
                .orElseThrow(() -> new IllegalStateException("feedback_settings has no row; see V30"));
    }
}
