package app.rungs.scim.service;

import app.rungs.audit.service.AuditService;
import app.rungs.people.service.Provisioning;
import app.rungs.scim.domain.DeactivationStatus;
import app.rungs.scim.domain.ScimDeactivation;
import app.rungs.scim.domain.ScimDeactivationRepository;
import app.rungs.scim.domain.ScimSettings;
import app.rungs.scim.domain.ScimSettingsRepository;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holds a sync that would deactivate a large share of people at once (a mis-scoped assignment in the identity
 * provider, a deleted group): deactivations beyond the limits are recorded, not applied, and wait for an admin.
 */
@Service
public class ScimSafetyValve {

    /** Serializes the count-then-apply of concurrent SCIM requests (any value unique to this lock). */
    private static final long LOCK_KEY = 0x5C1A_0017L;

    private final ScimDeactivationRepository deactivations;
    private final ScimSettingsRepository settings;
    private final Provisioning provisioning;
    private final AuditService audit;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ScimSafetyValve(
            ScimDeactivationRepository deactivations,
            ScimSettingsRepository settings,
            Provisioning provisioning,
            AuditService audit,
            JdbcTemplate jdbc,
            Clock clock) {
        this.deactivations = deactivations;
        this.settings = settings;
        this.provisioning = provisioning;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Applies a deactivation when within the limits, otherwise holds it (once per person) and says why. */
    @Transactional
    @PreAuthorize("hasAuthority('SCIM_PROVISIONER')")
    public DeactivationOutcome request(Long personId, String tokenName) {
        var person = provisioning
                .find(personId)
                .orElseThrow(() -> new NotFoundException("No person with the id " + personId + "."));
        if (!person.active()) {
            return new DeactivationOutcome(DeactivationOutcome.Kind.ALREADY_INACTIVE, null);
        }
        provisioning.deactivationBlocker(personId).ifPresent(problem -> {
            throw new ValidationException(problem);
        });
        jdbc.queryForList("select pg_advisory_xact_lock(?)", LOCK_KEY);
        var now = Instant.now(clock);
        var limits = settings.findById(ScimSettings.THE_ID).orElseThrow();
        long applied = deactivations.countAppliedSince(now.minus(Duration.ofHours(1)));
        long activeAtStart = provisioning.countActive() + applied;
        // At least one: a small organization can still lose a person without an admin's confirmation.
        long shareLimit = Math.max(1, activeAtStart * limits.getMaxSharePercent() / 100);
        long limit = Math.min(limits.getMaxPerHour(), shareLimit);
        if (applied + 1 > limit) {
            var held = deactivations.findHeld(personId).orElseGet(() -> {
                var row = deactivations.save(new ScimDeactivation(personId, DeactivationStatus.HELD, tokenName, now));
                audit.record(
                        "SCIM_DEACTIVATION_HELD",
                        "Person",
                        personId,
                        "Held the deactivation of " + person.fullName() + " asked for through SCIM: over the"
                                + " safety limit",
                        null,
                        Map.of("applied", applied, "limit", limit));
                return row;
            });
            return new DeactivationOutcome(
                    DeactivationOutcome.Kind.HELD,
                    "The deactivation of " + person.fullName() + " is held for an administrator to confirm: "
                            + applied + " people were already deactivated through SCIM in the last hour, and the"
                            + " limit is " + limit + " (at most " + limits.getMaxPerHour() + " an hour and at most "
                            + limits.getMaxSharePercent() + "% of " + activeAtStart + " active people). It was"
                            + " requested at " + held.getRequestedAt() + " and is listed under Provisioning (SCIM)"
                            + " in Rungs; nothing else of this request is refused.");
        }
        provisioning.deactivate(personId);
        deactivations.save(new ScimDeactivation(personId, DeactivationStatus.APPLIED, tokenName, now));
        return new DeactivationOutcome(DeactivationOutcome.Kind.APPLIED, null);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public List<HeldDeactivation> held() {
        var rows = deactivations.findAllHeld();
        return rows.stream()
                .map(d -> {
                    var p = provisioning.find(d.getPersonId()).orElseThrow();
                    return new HeldDeactivation(
                            d.getId(),
                            d.getPersonId(),
                            p.fullName(),
                            p.userName(),
                            d.getTokenName(),
                            d.getRequestedAt());
                })
                .toList();
    }

    /** Applies a held deactivation (the person leaves today). */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void confirm(Long heldId) {
        var d = loadHeld(heldId);
        provisioning.deactivate(d.getPersonId());
        d.decide(DeactivationStatus.CONFIRMED, Instant.now(clock), actor());
        audit.record(
                "SCIM_DEACTIVATION_CONFIRMED",
                "Person",
                d.getPersonId(),
                "Confirmed a held SCIM deactivation (token \"" + d.getTokenName() + "\")",
                null,
                null);
    }

    /** Drops a held deactivation: the person stays active (the identity provider may ask again). */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void reject(Long heldId) {
        var d = loadHeld(heldId);
        d.decide(DeactivationStatus.REJECTED, Instant.now(clock), actor());
        audit.record(
                "SCIM_DEACTIVATION_REJECTED",
                "Person",
                d.getPersonId(),
                "Rejected a held SCIM deactivation (token \"" + d.getTokenName() + "\"); the person stays active",
                null,
                null);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public SafetyLimits limits() {
        var s = settings.findById(ScimSettings.THE_ID).orElseThrow();
        return new SafetyLimits(
                s.getMaxSharePercent(), s.getMaxPerHour(), s.getUpdatedAt(), s.getUpdatedBy(), s.getVersion());
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void changeLimits(long expectedVersion, int maxSharePercent, int maxPerHour) {
        var s = settings.findById(ScimSettings.THE_ID).orElseThrow();
        if (s.getVersion() != expectedVersion) {
            throw new ConcurrentEditException("The SCIM safety limits");
        }
        if (maxSharePercent < 1 || maxSharePercent > 100) {
            throw new ValidationException("The share of active people must be between 1 and 100 percent.");
        }
        if (maxPerHour < 1 || maxPerHour > 100_000) {
            throw new ValidationException("The number of deactivations an hour must be between 1 and 100000.");
        }
        var before = Map.of("maxSharePercent", s.getMaxSharePercent(), "maxPerHour", s.getMaxPerHour());
        s.change(maxSharePercent, maxPerHour, Instant.now(clock), actor());
        settings.flush();
        audit.record(
                "SCIM_LIMITS_CHANGED",
                "ScimSettings",
                ScimSettings.THE_ID,
                "Set the SCIM safety limits to " + maxSharePercent + "% and " + maxPerHour + " an hour",
                before,
                Map.of("maxSharePercent", maxSharePercent, "maxPerHour", maxPerHour));
    }

    private ScimDeactivation loadHeld(Long heldId) {
        var d = deactivations.findById(heldId).orElseThrow(() -> new NotFoundException("Held deactivation not found"));
        if (d.getStatus() != DeactivationStatus.HELD) {
            throw new ValidationException("This deactivation was already "
                    + d.getStatus().name().toLowerCase() + " by " + d.getDecidedBy() + ".");
        }
        return d;
    }

    private static String actor() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }
}
