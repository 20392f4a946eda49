package app.rungs.growth.service;

import app.rungs.growth.domain.GoalStatus;
import app.rungs.growth.domain.NoteKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A person's growth plan as the viewer may see it.
 *
 * @param targetLevels the level(s) the goals aim at: the next level on the person's path (one per branch at a fork)
 * @param competencies the competencies of those levels a goal may be tied to
 * @param evidence the person's evidence items a goal may link to (newest first)
 * @param mayEdit the viewer is the person or in their manager chain
 * @param mayComment the viewer is in the person's manager chain
 */
public record GrowthPlan(
        Long personId,
        String personName,
        List<String> targetLevels,
        List<Goal> goals,
        List<CompetencyOption> competencies,
        List<EvidenceChoice> evidence,
        boolean mayEdit,
        boolean mayComment) {

    /** A competency of the next level a goal can be tied to. */
    public record CompetencyOption(String key, String name, String levelKey) {}

    /** One of the person's evidence items. */
    public record EvidenceChoice(Long id, String title, LocalDate occurredOn) {}

    public record Goal(
            Long id,
            String competencyKey,
            String competencyName,
            String levelKey,
            String title,
            LocalDate targetDate,
            GoalStatus status,
            List<EvidenceChoice> evidence,
            List<Note> notes,
            Instant updatedAt,
            long version) {}

    public record Note(Long id, NoteKind kind, String body, String authorName, Instant createdAt) {}
}
