package app.rungs.people.service;

import app.rungs.ladder.domain.SpecializationTrack;
import java.time.LocalDate;

/**
 * What the company directory says about a colleague: name, title, team, manager and current level, and their path (track and specialization). No contact or
 * personal data, no history: other features read this when they show people they are entitled to work with.
 */
public record PersonCard(
        Long id,
        String fullName,
        String jobTitle,
        Long teamId,
        String teamName,
        Long managerId,
        String managerName,
        Long ladderId,
        String levelKey,
        LocalDate levelSince,
        SpecializationTrack specialization,
        boolean active,
        String trackKey) {}
