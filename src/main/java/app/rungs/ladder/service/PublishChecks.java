package app.rungs.ladder.service;

import app.rungs.ladder.domain.Applicability;
import java.util.ArrayList;
import java.util.List;

/** What must hold before a draft may become the current version. */
final class PublishChecks {

    private PublishChecks() {}

    static List<String> of(LadderContent content) {
        var problems = new ArrayList<String>();
        if (content.levels().isEmpty()) {
            problems.add("The ladder has no levels.");
        }
        if (content.competencies().isEmpty()) {
            problems.add("The ladder has no competencies.");
        }
        for (var tier : content.tiers()) {
            if (content.levelsOf(tier.key()).isEmpty()) {
                problems.add("Tier \"" + tier.name() + "\" has no levels.");
            }
        }
        for (var area : content.areas()) {
            if (content.competenciesOf(area.key()).isEmpty()) {
                problems.add("Area \"" + area.name() + "\" has no competencies.");
            }
        }
        for (var level : content.levels()) {
            if (content.requirementsOf(level.key()).isEmpty()) {
                problems.add("Level " + level.key() + " (" + level.title() + ") has no expectations.");
            }
        }
        for (var competency : content.competencies()) {
            boolean any = content.expectations().stream()
                    .anyMatch(e -> e.competencyKey().equals(competency.key())
                            && e.kind() == app.rungs.ladder.domain.ExpectationKind.EXPECTED);
            if (!any) {
                problems.add("Competency \"" + competency.name() + "\" is not expected at any level.");
            }
        }
        problems.addAll(branches(content));
        return problems;
    }

    /** Tracks, electives and applicability: each problem names the part and what to change. */
    static List<String> branches(LadderContent content) {
        var problems = new ArrayList<String>();
        for (var track : content.tracks()) {
            var fork = track.forksFromLevelKey();
            if (fork != null && content.level(fork).isEmpty()) {
                problems.add("Track \"" + track.name() + "\" forks from level " + fork
                        + ", which this version does not have; choose another fork level.");
            } else if (fork != null
                    && track.key().equals(content.level(fork).orElseThrow().trackKey())) {
                problems.add("Track \"" + track.name() + "\" forks from its own level " + fork
                        + "; a track forks from a shared level or another track's level.");
            }
            if (content.levels().stream().noneMatch(l -> track.key().equals(l.trackKey()))) {
                problems.add("Track \"" + track.name() + "\" has no levels; put a level on it or remove it.");
            }
        }
        for (var level : content.levels()) {
            if (level.trackKey() != null && content.track(level.trackKey()).isEmpty()) {
                problems.add("Level " + level.key() + " is on track " + level.trackKey()
                        + ", which this version does not have.");
            }
            if (level.electivesRequired() > 0) {
                long offered = content.requirementsOf(level.key()).stream()
                        .filter(r -> r.competency().applicability() == Applicability.ELECTIVE)
                        .count();
                if (level.electivesRequired() > offered) {
                    problems.add("Level " + level.key() + " asks for at least " + level.electivesRequired()
                            + " electives, but only " + offered + (offered == 1 ? " elective is" : " electives are")
                            + " expected there; lower the number or expect more electives at " + level.key() + ".");
                }
            }
        }
        for (var competency : content.competencies()) {
            if (competency.applicability() == Applicability.TRACK
                    && competency.specializations().isEmpty()) {
                problems.add("Competency \"" + competency.name()
                        + "\" is track-specific but names no specialization, so it applies to nobody; add one or"
                        + " make it core.");
            }
        }
        return problems;
    }
}
