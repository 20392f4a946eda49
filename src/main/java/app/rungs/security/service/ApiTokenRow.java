package app.rungs.security.service;

import java.time.Instant;

/** One API token as listed on "My profile" and in the admin overview; never its secret. */
public record ApiTokenRow(
        Long id,
        Long ownerAccountId,
        String ownerName,
        String ownerUsername,
        String name,
        String hint,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt,
        Instant revokedAt,
        String revokedBy,
        Status status) {

    public enum Status {
        ACTIVE("Active"),
        EXPIRED("Expired"),
        REVOKED("Revoked");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
