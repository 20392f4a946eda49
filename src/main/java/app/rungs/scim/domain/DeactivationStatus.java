package app.rungs.scim.domain;

/** What became of a deactivation asked for through SCIM. */
public enum DeactivationStatus {
    /** Applied at once: within the safety valve's limits. */
    APPLIED,
    /** Over the limits: not applied, waiting for an admin. */
    HELD,
    /** Held, then applied by an admin. */
    CONFIRMED,
    /** Held, then rejected by an admin: the person stays active. */
    REJECTED
}
