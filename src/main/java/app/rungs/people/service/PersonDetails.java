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
        long version) {}
