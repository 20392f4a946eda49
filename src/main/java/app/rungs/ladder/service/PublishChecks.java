package app.rungs.ladder.service;

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
        return problems;
    }
}
