package app.rungs.people.service;

import app.rungs.ladder.domain.SpecializationTrack;
import java.time.LocalDate;

/** One person as listed in grids and on home pages. */
public record PersonRow(
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
        boolean active) {}
