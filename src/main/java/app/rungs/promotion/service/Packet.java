package app.rungs.promotion.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The promotion packet: the engineer's acknowledged evidence under every expectation of the target level (inherited
 * ones included), grouped by competency area with the manager's narrative, and the readiness it adds up to. While a
 * case is open and not in calibration the packet is computed live; from calibration on it is the frozen copy.
 *
 * @param asOf when this packet was computed (live: now; frozen: when the case entered calibration)
 */
public record Packet(
        String ladderName,
        String currentLevelKey,
        String currentLevelTitle,
        String targetLevelKey,
        String targetLevelTitle,
        List<Area> areas,
        Readiness readiness,
        boolean frozen,
        Instant asOf) {

    /** A competency area of the target level with the manager's narrative. */
    public record Area(String key, String name, String narrative, List<Line> lines) {}

    /**
     * One expectation of the target level.
     *
     * @param definedAtLevelKey the level whose expectation applies (the target or a lower one it inherits from)
     * @param evidence acknowledged evidence backing it
     * @param pending how many further items (submitted or draft) speak to it but are not acknowledged yet
     * @param notMet the manager's explanation when marked "not met", else null
     */
    public record Line(
            String competencyKey,
            String competencyName,
            String statement,
            String definedAtLevelKey,
            boolean inherited,
            List<EvidenceRef> evidence,
            int pending,
            String notMet) {

        public boolean backed() {
            return !evidence.isEmpty();
        }

        public boolean counts() {
            return backed() && notMet == null;
        }
    }

    /** An acknowledged evidence item (its id opens it with the evidence feature's details). */
    public record EvidenceRef(Long id, String title, String typeLabel, LocalDate occurredOn, String levelKey) {}

    /**
     * Readiness: of the expectations the target level asks of the engineer's path (approved waivers left out), how
     * many are backed by acknowledged evidence and not marked "not met"; which lack acknowledged evidence; which the
     * manager marked "not met"; the readiness rule's checklist; and the competencies waived as not applicable (with
     * the reason as note). {@code path}, {@code checklist} and {@code notApplicable} are null in packets frozen before
     * paths existed.
     */
    public record Readiness(
            int total,
            int met,
            List<Missing> missing,
            List<Missing> notMet,
            String path,
            List<Check> checklist,
            List<Missing> notApplicable) {

        /** Every part of the ladder version's readiness rule is met (frozen packets from before the rule: false). */
        public boolean ready() {
            return checklist != null
                    && !checklist.isEmpty()
                    && checklist.stream().allMatch(Check::met);
        }

        public int percent() {
            return total == 0 ? 0 : (int) Math.round(100.0 * met / total);
        }

        public String summary() {
            return met + " of " + total + " expectations backed by acknowledged evidence — " + percent() + "%";
        }
    }

    /** One part of the ladder version's readiness rule applied to the engineer's path, with its numbers. */
    public record Check(String label, boolean met, String numbers) {}

    /** An expectation in the missing or "not met" list; {@code note} is the "not met" explanation. */
    public record Missing(
            String competencyKey, String competencyName, String areaName, String statement, String note) {}
}
