package app.rungs.security.service;

import app.rungs.audit.service.AuditService;
import app.rungs.security.domain.Role;
import app.rungs.security.domain.SsoRoleMapping;
import app.rungs.security.domain.SsoRoleMappingRepository;
import app.rungs.security.domain.SsoSettings;
import app.rungs.security.domain.SsoSettingsRepository;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Admins' single sign-on settings: the role claim's name and which claim values grant which Rungs role. */
@Service
public class SsoSettingsService {

    private static final Pattern CLAIM_NAME = Pattern.compile("^[A-Za-z0-9_.:/-]{1,100}$");

    /** What the settings screen shows. */
    public record Settings(
            String roleClaim,
            Instant updatedAt,
            String updatedBy,
            long version,
            List<Mapping> mappings,
            List<SsoProviders.Provider> providers,
            boolean passwordLogin,
            List<String> breakGlassAccounts) {}

    public record Mapping(Long id, String claimValue, Role role, Instant createdAt, String createdBy) {}

    private final SsoSettingsRepository settings;
    private final SsoRoleMappingRepository mappings;
    private final SsoProviders providers;
    private final SsoProperties properties;
    private final AuditService audit;
    private final Clock clock;

    SsoSettingsService(
            SsoSettingsRepository settings,
            SsoRoleMappingRepository mappings,
            SsoProviders providers,
            SsoProperties properties,
            AuditService audit,
            Clock clock) {
        this.settings = settings;
        this.mappings = mappings;
        this.providers = providers;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public Settings settings() {
        var row = row();
        return new Settings(
                row.getRoleClaim(),
                row.getUpdatedAt(),
                row.getUpdatedBy(),
                row.getVersion(),
                mappings.findAllByOrderByClaimValueAscRoleAsc().stream()
                        .map(SsoSettingsService::toMapping)
                        .toList(),
                providers.all(),
                properties.passwordLogin(),
                properties.breakGlassAccounts());
    }

    /** Renames the claim roles are read from; takes effect at each user's next sign-in. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void changeRoleClaim(String claim, long expectedVersion) {
        var name = claim == null ? "" : claim.strip();
        if (!CLAIM_NAME.matcher(name).matches()) {
            throw new ValidationException("The claim name must be 1–100 characters: letters, digits and _ . : / -"
                    + " only (for example groups or roles).");
        }
        var row = row();
        if (row.getVersion() != expectedVersion) {
            throw new ConcurrentEditException("The sign-in settings");
        }
        var before = row.getRoleClaim();
        if (before.equals(name)) {
            return;
        }
        row.changeRoleClaim(name, CurrentUser.actorName(), Instant.now(clock));
        settings.saveAndFlush(row);
        audit.record(
                "SSO_SETTINGS_CHANGED",
                "SsoSettings",
                SsoSettings.ID,
                "Roles now come from the \"" + name + "\" claim (was \"" + before + "\")",
                Map.of("roleClaim", before),
                Map.of("roleClaim", name));
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public Mapping addMapping(String claimValue, Role role) {
        var value = claimValue == null ? "" : claimValue.strip();
        if (value.isEmpty()) {
            throw new ValidationException("Enter the claim value to map, exactly as the provider sends it.");
        }
        if (value.length() > 200) {
            throw new ValidationException("The claim value can be at most 200 characters.");
        }
        if (role == null) {
            throw new ValidationException("Choose the role this claim value grants.");
        }
        if (mappings.existsByClaimValueAndRole(value, role)) {
            throw new ValidationException("\"" + value + "\" already grants the role " + role.label() + ".");
        }
        var mapping = mappings.save(new SsoRoleMapping(value, role, CurrentUser.actorName(), Instant.now(clock)));
        audit.record(
                "SSO_ROLE_MAPPING_ADDED",
                "SsoRoleMapping",
                mapping.getId(),
                "Claim value \"" + value + "\" now grants the role " + role.label(),
                null,
                Map.of("claimValue", value, "role", role.name()));
        return toMapping(mapping);
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void removeMapping(Long id) {
        var mapping = mappings.findById(id)
                .orElseThrow(() -> new NotFoundException("That mapping was already removed. Reload the page."));
        mappings.delete(mapping);
        audit.record(
                "SSO_ROLE_MAPPING_REMOVED",
                "SsoRoleMapping",
                id,
                "Claim value \"" + mapping.getClaimValue() + "\" no longer grants the role "
                        + mapping.getRole().label(),
                Map.of(
                        "claimValue",
                        mapping.getClaimValue(),
                        "role",
                        mapping.getRole().name()),
                null);
    }

    private SsoSettings row() {
        return settings.findById(SsoSettings.ID).orElseThrow(() -> new IllegalStateException("V22 seeds this row"));
    }

    private static Mapping toMapping(SsoRoleMapping m) {
        return new Mapping(m.getId(), m.getClaimValue(), m.getRole(), m.getCreatedAt(), m.getCreatedBy());
    }
}
