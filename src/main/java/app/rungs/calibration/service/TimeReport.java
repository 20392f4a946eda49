package app.rungs.calibration.service;

import java.util.List;

/**
 * Time the committee spent per engineer, with totals by team, level and manager: whether some groups got far more
 * discussion than others.
 */
public record TimeReport(
        SessionDetails session,
        List<Line> people,
        List<Line> byTeam,
        List<Line> byLevel,
        List<Line> byManager,
        Line total) {

    /** One engineer or one group: its label, how many engineers, and the seconds spent on them together. */
    public record Line(String label, String team, String level, String manager, int engineers, long seconds) {

        /** Seconds per engineer of the group, rounded. */
        public long average() {
            return engineers == 0 ? 0 : Math.round((double) seconds / engineers);
        }
    }
}
