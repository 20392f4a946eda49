package app.rungs.people.service;

import app.rungs.ladder.domain.CommunityAxis;
import app.rungs.ladder.domain.FocusAxis;
import app.rungs.ladder.domain.ScopeAxis;
import app.rungs.ladder.domain.SpecializationTrack;
import java.time.LocalDate;

/**
 * What it takes to add a person. Ladder and level are optional together; the track (their path on the ladder) needs
 * the ladder and is optional.
 */
public record NewPerson(
        String fullName,
        String email,
        String jobTitle,
        Long teamId,
        Long managerId,
        Long ladderId,
        String levelKey,
        SpecializationTrack specialization,
        ScopeAxis scopeAxis,
        FocusAxis focusAxis,
        CommunityAxis communityAxis,
        LocalDate startDate,
        String trackKey) {

    /** A person on their ladder's shared line (no track). */
    public NewPerson(
            String fullName,
            String email,
            String jobTitle,
            Long teamId,
            Long managerId,
            Long ladderId,
            String levelKey,
            SpecializationTrack specialization,
            ScopeAxis scopeAxis,
            FocusAxis focusAxis,
            CommunityAxis communityAxis,
            LocalDate startDate) {
        this(
                fullName,
                email,
                jobTitle,
                teamId,
                managerId,
                ladderId,
                levelKey,
                specialization,
                scopeAxis,
                focusAxis,
                communityAxis,
                startDate,
                null);
    }
}
