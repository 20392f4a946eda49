package app.rungs.people.service;

import app.rungs.ladder.domain.SpecializationTrack;
import java.time.LocalDate;

/** One row of the people grid: level title and tier resolved from the published ladder. */
public record PersonListItem(
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
        String levelTitle,
        String tierName,
        LocalDate levelSince,
        SpecializationTrack specialization,
        boolean active,
        long version,
        String trackKey) {}
