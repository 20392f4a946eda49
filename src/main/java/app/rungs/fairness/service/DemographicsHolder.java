package app.rungs.fairness.service;

import java.time.Instant;

/** An enabled admin account and whether it holds the permission to see demographic breakdowns. */
public record DemographicsHolder(
        Long accountId, String username, String displayName, boolean granted, String grantedBy, Instant grantedAt) {}
