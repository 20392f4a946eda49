package app.rungs.scim.service;

import java.time.Instant;

/** A SCIM token as the settings screen lists it; never the secret. */
public record ScimTokenView(
        Long id,
        String name,
        Instant createdAt,
        String createdBy,
        Instant lastUsedAt,
        Instant revokedAt,
        String revokedBy) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
