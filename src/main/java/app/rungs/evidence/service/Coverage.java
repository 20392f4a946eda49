package app.rungs.evidence.service;

import app.rungs.evidence.domain.EvidenceStatus;
import app.rungs.evidence.domain.EvidenceType;
import app.rungs.evidence.domain.WaiverStatus;
import app.rungs.ladder.domain.Applicability;
import app.rungs.ladder.service.LadderContent.LevelView;
import app.rungs.ladder.service.PersonPath;
import java.util.List;

/**
 * How well a person's evidence backs what a target level asks of their path (inherited expectations included, only
 * competencies that apply to their specialization). Evidence counts for an expectation when it supports the
 * competency and speaks to the level that defines the expectation or a higher one. Lines a waiver marks not
 * applicable stay listed with the waiver but count nowhere.
 *
 * @param trackName the name of the person's track, null on the shared line
 * @param options the levels above when the person stands at a fork without a chosen track (then the target is their
 *     own level and {@link #readiness} is empty: screens show the options instead of guessing); empty otherwise
 * @param mayDecideWaivers the reader may mark competencies not applicable and decide requests (a manager of the
 *     person's line or an admin, never the person)
 */
public record Coverage(
        Long personId,
        String fullName,
        String ladderName,
        String currentLevelKey,
        LevelView target,
        List<LevelView> levels,
        List<Line> lines,
        PersonPath path,
        String trackName,
        List<LevelView> options,
        Readiness readiness,
        boolean mayDecideWaivers) {

    /** How far an expectation is backed: by acknowledged evidence, by evidence in review, by drafts only, or not. */
    public enum State {
        ACKNOWLEDGED,
        IN_REVIEW,
        IN_PROGRESS,
        GAP
    }

    /**
     * One expectation of the target level.
     *
     * @param evidence the newest few items that count for it (at most {@code CoverageItems.FIRST}); page in the rest
     *     with {@link EvidenceService#coverageEvidence}
     * @param evidenceCount how many items count for it in all
     */
    public record Line(
            String competencyKey,
            String competencyName,
            String areaName,
            String statement,
            String definedAtLevelKey,
            boolean inherited,
            List<Ref> evidence,
            long evidenceCount,
            State state,
            Applicability applicability,
            Waiver waiver) {

        /** An approved waiver takes this competency out of the person's coverage and readiness. */
        public boolean notApplicable() {
            return waiver != null && waiver.status() == WaiverStatus.APPROVED;
        }

        /** How many counting items the line does not show yet. */
        public long moreEvidence() {
            return Math.max(0, evidenceCount - evidence.size());
        }
    }

    public record Ref(Long id, String title, EvidenceType type, EvidenceStatus status, String levelKey) {}

    /** The lines that count: those no approved waiver marks not applicable. */
    public List<Line> counted() {
        return lines.stream().filter(l -> !l.notApplicable()).toList();
    }

    public long acknowledged() {
        return count(State.ACKNOWLEDGED);
    }

    public long inReview() {
        return count(State.IN_REVIEW);
    }

    public long inProgress() {
        return count(State.IN_PROGRESS);
    }

    public long gaps() {
        return count(State.GAP);
    }

    public long notApplicable() {
        return lines.stream().filter(Line::notApplicable).count();
    }

    private long count(State state) {
        return lines.stream()
                .filter(l -> !l.notApplicable() && l.state() == state)
                .count();
    }

    /** Whole percent of the counted expectations backed by acknowledged evidence. */
    public int percent() {
        return CoverageRules.percent(acknowledged(), counted().size());
    }

    /** True when the person stands at a fork without a chosen track. */
    public boolean atFork() {
        return !options.isEmpty();
    }

    /** "14 of 31 expectations backed by acknowledged evidence — 45%". */
    public String summary() {
        return acknowledged() + " of " + counted().size() + " expectations backed by acknowledged evidence — "
                + percent() + "%" + (notApplicable() == 0 ? "" : " (" + notApplicable() + " not applicable)");
    }
}
