package app.rungs.evidence.service;

/**
 * The numbers of one person's coverage, without any evidence content: the target level, how many of the expectations
 * it asks of their path acknowledged evidence backs, how many count, and their readiness checklist. Equal to
 * {@link Coverage#percent()}, {@link Coverage#acknowledged()}, the size of {@link Coverage#counted()} and
 * {@link Coverage#readiness()} of the same person and level.
 */
public record CoverageSummary(
        Long personId, String levelKey, int percent, int acknowledged, int expectations, Readiness readiness) {}
