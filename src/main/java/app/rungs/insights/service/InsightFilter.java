package app.rungs.insights.service;

/**
 * The filters every insight applies: a ladder, a ladder track, a team and a review cycle label (each null: all).
 * A half-year cycle label such as "2026-H1" also limits the dated charts to that half-year (see {@link CycleWindow}).
 */
public record InsightFilter(Long ladderId, String trackKey, Long teamId, String cycle) {

    public static final InsightFilter NONE = new InsightFilter(null, null, null, null);

    public InsightFilter {
        trackKey = trackKey == null || trackKey.isBlank() ? null : trackKey.strip();
        cycle = cycle == null || cycle.isBlank() ? null : cycle.strip();
    }
}
