package app.rungs.insights.service;

/** The rows the insight charts are drawn from: numbers per group, aggregated in PostgreSQL. */
public final class InsightRows {

    private InsightRows() {}

    /**
     * A distribution of days: how many people and the five numbers of a box plot. {@code suppressed} groups (smaller
     * than the organization's minimum, or hidden so a small one cannot be worked out) carry no numbers.
     */
    public record Spread(
            String label,
            Long ladderId,
            String levelKey,
            Long teamId,
            long people,
            Double minDays,
            Double q1Days,
            Double medianDays,
            Double q3Days,
            Double maxDays,
            String suppressed) {

        public boolean isSuppressed() {
            return suppressed != null;
        }
    }

    /** Promotions from a level: how many, and the median days people had spent at it when promoted. */
    public record Velocity(Long ladderId, String levelKey, long promotions, double medianDays) {}

    /** Promotion cases of a cycle by outcome, and the engineers in scope the rate is measured against. */
    public record CycleRate(String cycle, long promoted, long notPromoted, long open, long engineers) {

        /** Promoted out of the cases decided in the cycle, in percent (0 when none was decided). */
        public double decidedRate() {
            long decided = promoted + notPromoted;
            return decided == 0 ? 0 : 100.0 * promoted / decided;
        }

        /** Promoted out of the engineers in scope, in percent. */
        public double headcountRate() {
            return engineers == 0 ? 0 : 100.0 * promoted / engineers;
        }
    }

    /** Evidence (not drafts) that occurred in a month, by review status, and how many people logged it. */
    public record MonthActivity(String month, long acknowledged, long submitted, long returned, long people) {

        public long total() {
            return acknowledged + submitted + returned;
        }
    }

    /** Evidence (not drafts) for a competency, and how many people logged it. */
    public record CompetencyActivity(String competencyKey, String name, long items, long people) {}

    /**
     * A heatmap cell: of the people of a team whose next level expects a competency, how many have acknowledged
     * evidence for it at that level or above; null numbers when the team is suppressed.
     */
    public record CoverageCell(
            Long teamId,
            String team,
            String competencyKey,
            String competency,
            long people,
            Long covered,
            String suppressed) {

        public Double percent() {
            return covered == null || people == 0 ? null : Math.round(1000.0 * covered / people) / 10.0;
        }
    }

    /** A person behind a chart item, as the click-through lists them. */
    public record PersonRow(Long id, String name, String team, String levelKey, Long daysInLevel) {}
}
