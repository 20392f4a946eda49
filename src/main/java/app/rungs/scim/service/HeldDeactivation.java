package app.rungs.scim.service;

import java.time.Instant;

/** A deactivation the safety valve held, as the settings screen lists it for an admin to confirm or reject. */
public record HeldDeactivation(
        Long id, Long personId, String personName, String userName, String tokenName, Instant requestedAt) {}
