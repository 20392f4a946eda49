package app.rungs.calibration.service;

import app.rungs.calibration.domain.Decision;
import app.rungs.promotion.domain.CaseStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the session board shows, loaded at once: the entries the user may see, the levels they are grouped by
 * (in ladder order, with their tier), and per engineer the promotion case, evidence readiness and last cycle's
 * outcome.
 *
 * @param cases the engineer's promotion case of the session's cycle, by person id
 * @param readiness evidence coverage of the case's target level, or of the next level without a case, by person id
 * @param lastCycle the final rating from the previous published session of the person, by person id
 */
public record Board(
        SessionDetails session,
        List<BoardEntry> entries,
        List<LevelGroup> levels,
        Map<Long, CaseInfo> cases,
        Map<Long, Readiness> readiness,
        Map<Long, LastOutcome> lastCycle) {

    /** A level of the ladder with its tier; {@code position} orders levels and tiers as the ladder does. */
    public record LevelGroup(
            String levelKey, String levelTitle, String tierKey, String tierName, int tierPosition, int position) {}

    public record CaseInfo(Long caseId, String targetLevelKey, CaseStatus status) {}

    /** How much of a level's expectations the engineer's acknowledged evidence backs. */
    /**
     * @param percent the headline: the target share of the readiness rule backed
     * @param ready every part of the ladder version's readiness rule is met
     * @param checklist the rule's parts, one per line, each with met or not and its numbers
     */
    public record Readiness(String levelKey, int percent, int backed, int total, boolean ready, String checklist) {}

    /**
     * The engineer's previous published outcome.
     *
     * @param decision the promotion decision then, if any
     * @param position the rating's position on that session's scale (from 0), and {@code scaleSize} its length
     */
    public record LastOutcome(String cycle, String rating, Decision decision, int position, int scaleSize) {

        static LastOutcome of(Object[] row) {
            return new LastOutcome(
                    (String) row[2],
                    (String) row[1],
                    row[3] == null ? null : Decision.valueOf((String) row[3]),
                    row[4] == null ? -1 : ((Number) row[4]).intValue() - 1,
                    ((Number) row[5]).intValue());
        }

        /**
         * How a rating on this session's scale compares with this outcome: on the same scale by position, on another
         * by relative position (0 lowest, 1 highest); empty without a current rating to compare.
         */
        public java.util.Optional<LastCycleChange> change(List<String> scale, String current) {
            int now = current == null ? -1 : scale.indexOf(current);
            if (now < 0 || position < 0) {
                return java.util.Optional.empty();
            }
            double before = scaleSize < 2 ? 0 : (double) position / (scaleSize - 1);
            double after = scale.size() < 2 ? 0 : (double) now / (scale.size() - 1);
            int cmp = Math.abs(after - before) < 1e-9 ? 0 : Double.compare(after, before);
            return java.util.Optional.of(
                    cmp > 0 ? LastCycleChange.UP : cmp < 0 ? LastCycleChange.DOWN : LastCycleChange.SAME);
        }
    }

    public Optional<LevelGroup> level(String key) {
        return levels.stream().filter(l -> l.levelKey().equals(key)).findFirst();
    }

    public Optional<BoardEntry> entry(Long id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }
}
