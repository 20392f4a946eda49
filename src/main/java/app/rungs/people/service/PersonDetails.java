package app.rungs.people.service;

import app.rungs.ladder.domain.CommunityAxis;
import app.rungs.ladder.domain.FocusAxis;
import app.rungs.ladder.domain.ScopeAxis;
import app.rungs.ladder.domain.SpecializationTrack;
import java.time.LocalDate;
import java.util.List;

/** Everything the person page shows about someone. */
public record PersonDetails(
        Long id,
        String fullName,
        String email,
        String jobTitle,
        Long teamId,
        String teamName,
        Long managerId,
        String managerName,
        Long ladderId,
        String levelKey,
        LocalDate levelSince,
        SpecializationTrack specialization,
        ScopeAxis scopeAxis,
        FocusAxis focusAxis,
        CommunityAxis communityAxis,
        LocalDate startDate,
        boolean active,
        LocalDate leftDate,
        List<LevelHistoryEntry> history,
        List<PersonRow> directReports,
        long version,
        String trackKey) {

    /** Changes recorded with a later date, soonest first: they are not the current level yet. */
    public List<LevelHistoryEntry> scheduledChanges() {
        return history.stream().filter(LevelHistoryEntry::scheduled).toList().reversed();
    }

    /** The changes in effect, newest (the current level) first. */
    public List<LevelHistoryEntry> pastChanges() {
        return history.stream().filter(h -> !h.scheduled()).toList();
    }
}
