package app.rungs.scim.service;

import java.time.Instant;

/**
 * The safety valve's limits: within any hour, SCIM may deactivate at most {@code maxPerHour} people and at most
 * {@code maxSharePercent} percent of the people who were active; deactivations beyond either are held.
 */
public record SafetyLimits(int maxSharePercent, int maxPerHour, Instant updatedAt, String updatedBy, long version) {}
