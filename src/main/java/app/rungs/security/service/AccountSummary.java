package app.rungs.security.service;

import app.rungs.security.domain.Role;
import java.time.Instant;
import java.util.Set;

/** What other features and views may know of an account. */
public record AccountSummary(
        Long id,
        String username,
        String displayName,
        Set<Role> roles,
        boolean enabled,
        Long personId,
        Instant lastLoginAt,
        long version) {}
