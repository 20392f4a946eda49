package app.rungs.evidence.service;

/**
 * The numbers of one person's coverage, without any evidence content: the target level, how many of its
 * expectations acknowledged evidence backs, and how many it has. Equal to {@link Coverage#percent()},
 * {@link Coverage#acknowledged()} and the size of {@link Coverage#lines()} of the same person and level.
 */
public record CoverageSummary(Long personId, String levelKey, int percent, int acknowledged, int expectations) {}
