package app.rungs.fairness.service;

import app.rungs.audit.service.AuditService;
import app.rungs.fairness.domain.OutcomeAuditSettings;
import app.rungs.fairness.domain.OutcomeAuditSettingsRepository;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.SmallGroups;
import app.rungs.shared.service.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organization's outcome audit settings: the minimum group size of the small-group rule ({@link SmallGroups},
 * default 5) and whether demographics are recorded (off by default). Admins change them; every change is audited.
 */
@Service
public class OutcomeAuditSettingsService {

    private final OutcomeAuditSettingsRepository settings;
    private final AuditService audit;
    private final Clock clock;

    OutcomeAuditSettingsService(OutcomeAuditSettingsRepository settings, AuditService audit, Clock clock) {
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public OutcomeAuditSettingsView settings() {
        var s = current();
        return new OutcomeAuditSettingsView(s.getMinimumGroupSize(), s.isDemographicsRecorded(), s.getVersion());
    }

    /** The minimum group size every aggregate about people applies; readable by anyone who sees an aggregate. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public int minimumGroupSize() {
        return current().getMinimumGroupSize();
    }

    /** The small-group rule with the organization's minimum applied to the sizes of one breakdown's groups. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public SmallGroups.Suppression suppress(List<Long> sizes) {
        return SmallGroups.suppress(sizes, minimumGroupSize());
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public boolean demographicsRecorded() {
        return current().isDemographicsRecorded();
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void changeMinimumGroupSize(int size, long expectedVersion) {
        if (size < OutcomeAuditSettings.LOWEST_MINIMUM || size > OutcomeAuditSettings.HIGHEST_MINIMUM) {
            throw new ValidationException("The minimum group size must be between "
                    + OutcomeAuditSettings.LOWEST_MINIMUM + " and " + OutcomeAuditSettings.HIGHEST_MINIMUM
                    + " people.");
        }
        var s = editable(expectedVersion);
        int before = s.getMinimumGroupSize();
        if (before == size) {
            return;
        }
        s.changeMinimumGroupSize(size, CurrentUser.actorName(), Instant.now(clock));
        settings.flush();
        audit.record(
                "OUTCOME_AUDIT_MINIMUM_CHANGED",
                "OutcomeAuditSettings",
                s.getId(),
                "Groups smaller than " + size + " are now suppressed in outcome breakdowns (was " + before + ")",
                Map.of("minimumGroupSize", before),
                Map.of("minimumGroupSize", size));
    }

    /** Lets people enter their demographics (self-reported, optional), or stops recording them. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void recordDemographics(boolean recorded, long expectedVersion) {
        var s = editable(expectedVersion);
        boolean before = s.isDemographicsRecorded();
        if (before == recorded) {
            return;
        }
        s.recordDemographics(recorded, CurrentUser.actorName(), Instant.now(clock));
        settings.flush();
        audit.record(
                "DEMOGRAPHICS_RECORDING_CHANGED",
                "OutcomeAuditSettings",
                s.getId(),
                recorded
                        ? "People may now enter their demographics on their profile"
                        : "Demographics are no longer recorded or broken down",
                Map.of("demographicsRecorded", before),
                Map.of("demographicsRecorded", recorded));
    }

    private OutcomeAuditSettings editable(long expectedVersion) {
        var s = current();
        if (s.getVersion() != expectedVersion) {
            throw new ConcurrentEditException("The outcome audit settings");
        }
        return s;
    }

    private OutcomeAuditSettings current() {
        return settings.findById(OutcomeAuditSettings.ID)
                .orElseThrow(() -> new IllegalStateException("outcome_audit_settings has no row; see V32"));
    }
}
