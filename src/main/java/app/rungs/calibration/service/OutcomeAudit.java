package app.rungs.calibration.service;

import java.util.List;

/**
 * A locked or published session's outcomes by group, with the small-group rule applied: a suppressed group carries
 * no numbers at all (its {@code counts} are empty), so no screen or export can show them by mistake.
 *
 * @param minimum the organization's minimum group size when the report was made
 * @param columns the ratings of the scale, then "Not rated", "Promoted" and "Not yet"
 * @param demographicsNote why no demographic breakdowns are included, or null when they are
 */
public record OutcomeAudit(
        SessionDetails session,
        int minimum,
        List<String> columns,
        List<Breakdown> breakdowns,
        String demographicsNote) {

    /**
     * @param totals the totals per column, or null when showing them would reveal a suppressed group
     * @param demographic a breakdown by a self-reported attribute (only for permitted admins)
     */
    public record Breakdown(String key, String title, boolean demographic, List<Group> groups, Group totals) {}

    /**
     * @param size the group's size, or -1 when suppressed
     * @param counts per column (aligned with {@link OutcomeAudit#columns()}), empty when suppressed
     * @param suppressedAs "fewer than 5", "hidden to protect a small group"; null when shown
     */
    public record Group(String label, long size, List<Long> counts, String suppressedAs) {

        public boolean suppressed() {
            return suppressedAs != null;
        }
    }

    public Breakdown breakdown(String key) {
        return breakdowns.stream().filter(b -> b.key().equals(key)).findFirst().orElseThrow();
    }
}
