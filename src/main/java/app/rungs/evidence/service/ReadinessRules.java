package app.rungs.evidence.service;

import app.rungs.evidence.domain.EvidenceStatus;
import app.rungs.ladder.domain.Applicability;
import app.rungs.ladder.service.LadderContent;
import app.rungs.ladder.service.LadderContent.LevelView;
import app.rungs.ladder.service.PersonPath;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The readiness rule of a ladder version applied to one person's path, shared by the coverage page and the batched
 * numbers so both agree: (a) every core expectation of the current level backed, (b) a share of the target level's
 * applicable core and track expectations backed, (c) at least k electives of the target level backed. Only
 * acknowledged evidence backs; competencies waived for the person count nowhere.
 */
final class ReadinessRules {

    private ReadinessRules() {}

    /** One evidence item reduced to what coverage reads of it. */
    record Backing(Collection<String> competencyKeys, String levelKey, EvidenceStatus status) {}

    static Readiness of(
            LadderContent ladder,
            String currentLevelKey,
            LevelView target,
            PersonPath path,
            Set<String> waived,
            List<Backing> evidence) {
        if (target == null) {
            return Readiness.none();
        }
        var rule = ladder.rule();
        var positions = CoverageRules.positions(ladder);
        Predicate<LadderContent.Resolved> backed = r -> evidence.stream()
                .anyMatch(e -> e.status() == EvidenceStatus.ACKNOWLEDGED
                        && CoverageRules.counts(r, e.competencyKeys(), e.levelKey(), positions));
        var parts = new ArrayList<Readiness.Part>();
        if (rule.currentCore()
                && currentLevelKey != null
                && ladder.level(currentLevelKey).isPresent()
                && !currentLevelKey.equals(target.key())) {
            var core = applicable(ladder, currentLevelKey, path, waived, Set.of(Applicability.CORE));
            int met = (int) core.stream().filter(backed).count();
            parts.add(new Readiness.Part(
                    Readiness.Kind.CURRENT_CORE,
                    "Every core expectation of " + currentLevelKey + " backed",
                    met == core.size(),
                    met,
                    core.size(),
                    core.size(),
                    met + " of " + core.size() + " backed"));
        }
        var share = applicable(ladder, target.key(), path, waived, Set.of(Applicability.CORE, Applicability.TRACK));
        int total = 0;
        int met = 0;
        for (var r : share) {
            int w = rule.weighted() ? Math.max(1, r.competency().weight()) : 1;
            total += w;
            if (backed.test(r)) {
                met += w;
            }
        }
        int percent = CoverageRules.percent(met, total);
        int needed = (int) Math.ceil(total * rule.targetPercent() / 100.0);
        parts.add(new Readiness.Part(
                Readiness.Kind.TARGET_SHARE,
                "At least " + rule.targetPercent() + "% of " + target.key() + "'s core and track expectations backed"
                        + (rule.weighted() ? " (by weight)" : ""),
                met >= needed,
                met,
                total,
                needed,
                met + " of " + total + (rule.weighted() ? " weight" : "") + " backed — " + percent + "%"));
        if (target.electivesRequired() > 0) {
            var electives = applicable(ladder, target.key(), path, waived, Set.of(Applicability.ELECTIVE));
            int k = target.electivesRequired();
            int backedElectives = (int) electives.stream().filter(backed).count();
            parts.add(new Readiness.Part(
                    Readiness.Kind.ELECTIVES,
                    "At least " + k + " elective" + (k == 1 ? "" : "s") + " of " + target.key() + " backed",
                    backedElectives >= k,
                    backedElectives,
                    electives.size(),
                    k,
                    backedElectives + " of " + k + " needed (" + electives.size() + " to choose from)"));
        }
        return new Readiness(target.key(), List.copyOf(parts), percent, waived.size());
    }

    private static List<LadderContent.Resolved> applicable(
            LadderContent ladder, String levelKey, PersonPath path, Set<String> waived, Set<Applicability> kinds) {
        return ladder.requirementsOf(levelKey, path).stream()
                .filter(r -> kinds.contains(r.competency().applicability()))
                .filter(r -> !waived.contains(r.competency().key()))
                .toList();
    }

    /** Whether a person stands at a fork without a chosen track: then the screens show the options, not a guess. */
    static boolean atForkWithoutTrack(LadderContent ladder, String levelKey, String trackKey) {
        if (levelKey == null) {
            return false;
        }
        boolean onKnownTrack = trackKey != null && ladder.track(trackKey).isPresent();
        return !onKnownTrack
                && ladder.level(levelKey).map(l -> l.trackKey() == null).orElse(false)
                && ladder.nextOptions(levelKey).size() > 1;
    }
}
