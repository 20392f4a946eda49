package app.rungs.growth.service;

import java.time.LocalDate;
import java.util.Set;

/** What the engineer or a manager enters for a goal: the competency (of the next level), title, date and evidence. */
public record GoalForm(String competencyKey, String title, LocalDate targetDate, Set<Long> evidenceIds) {

    public GoalForm {
        evidenceIds = evidenceIds == null ? Set.of() : Set.copyOf(evidenceIds);
    }
}
