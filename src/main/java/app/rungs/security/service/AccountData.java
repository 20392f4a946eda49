package app.rungs.security.service;

import app.rungs.security.domain.ColorScheme;
import app.rungs.security.domain.Role;
import java.time.Instant;
import java.util.Set;

/** A person's account as their data export shows it: never the password hash or any other secret. */
public record AccountData(
        Long id,
        String username,
        String displayName,
        Set<Role> roles,
        boolean enabled,
        ColorScheme colorScheme,
        Instant createdAt,
        Instant lastLoginAt) {}
