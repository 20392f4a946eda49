package app.rungs.evidence.service;

import app.rungs.evidence.domain.CompetencyWaiver;
import app.rungs.evidence.domain.EvidenceStatus;
import app.rungs.evidence.domain.WaiverStatus;
import app.rungs.ladder.service.LadderContent;
import app.rungs.ladder.service.LadderContent.LevelView;
import app.rungs.shared.service.NotFoundException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The pure rules of coverage, shared by one person's coverage page and the batched readiness numbers so both always
 * agree: which level is the target, which evidence counts for an expectation, and how far an expectation is backed.
 */
final class CoverageRules {

    private CoverageRules() {}

    /**
     * The level to measure against: the one asked for, else the next level on the person's path, else their own (top
     * of their path, or a fork where they have not chosen a track: screens then show the options instead of guessing),
     * else the ladder's first level.
     *
     * @throws NotFoundException when the asked level is not part of the ladder
     */
    static LevelView target(LadderContent ladder, String currentLevelKey, String trackKey, String requestedLevelKey) {
        if (requestedLevelKey != null) {
            return ladder.level(requestedLevelKey)
                    .orElseThrow(() -> new NotFoundException("Level " + requestedLevelKey + " is not part of "
                            + ladder.version().ladderName()));
        }
        if (ReadinessRules.atForkWithoutTrack(ladder, currentLevelKey, trackKey)) {
            return ladder.level(currentLevelKey).orElseThrow();
        }
        return ladder.next(currentLevelKey, trackKey)
                .or(() -> ladder.level(currentLevelKey))
                .orElse(ladder.levels().getFirst());
    }

    /** Each level's position on the ladder, by key. */
    static Map<String, Integer> positions(LadderContent ladder) {
        return ladder.levels().stream().collect(Collectors.toMap(LevelView::key, LevelView::position));
    }

    /**
     * Evidence counts for an expectation when it supports the competency and speaks to the level that defines the
     * expectation or a higher one; evidence for a level the ladder no longer has never counts.
     */
    static boolean counts(
            LadderContent.Resolved requirement,
            Collection<String> competencyKeys,
            String evidenceLevelKey,
            Map<String, Integer> positions) {
        return competencyKeys.contains(requirement.competency().key())
                && positions.getOrDefault(evidenceLevelKey, Integer.MIN_VALUE)
                        >= requirement.definedAt().position();
    }

    /** Acknowledged evidence backs an expectation; otherwise submitted means in review, anything else in progress. */
    static Coverage.State state(List<EvidenceStatus> statuses) {
        if (statuses.contains(EvidenceStatus.ACKNOWLEDGED)) {
            return Coverage.State.ACKNOWLEDGED;
        }
        if (statuses.contains(EvidenceStatus.SUBMITTED)) {
            return Coverage.State.IN_REVIEW;
        }
        return statuses.isEmpty() ? Coverage.State.GAP : Coverage.State.IN_PROGRESS;
    }

    /** Whole percent of expectations backed by acknowledged evidence. */
    static int percent(long acknowledged, int expectations) {
        return expectations == 0 ? 0 : (int) Math.round(100.0 * acknowledged / expectations);
    }

    /** The competency keys approved waivers take out of a person's coverage. */
    static Set<String> approvedKeys(Collection<CompetencyWaiver> waivers) {
        return waivers.stream()
                .filter(w -> w.getStatus() == WaiverStatus.APPROVED)
                .map(CompetencyWaiver::getCompetencyKey)
                .collect(Collectors.toSet());
    }
}
