package app.rungs.people.service;

import app.rungs.ladder.domain.CommunityAxis;
import app.rungs.ladder.domain.FocusAxis;
import app.rungs.ladder.domain.ScopeAxis;
import app.rungs.ladder.domain.SpecializationTrack;
import java.time.LocalDate;

/**
 * The editable profile of a person (level and manager change through their own operations).
 *
 * @param trackKey the person's path on their ladder: a track key of its published version, or null for its shared line
 */
public record PersonUpdate(
        String fullName,
        String email,
        String jobTitle,
        Long teamId,
        SpecializationTrack specialization,
        ScopeAxis scopeAxis,
        FocusAxis focusAxis,
        CommunityAxis communityAxis,
        LocalDate startDate,
        String trackKey) {

    /** An update that puts the person on the shared line of their ladder (no track). */
    public PersonUpdate(
            String fullName,
            String email,
            String jobTitle,
            Long teamId,
            SpecializationTrack specialization,
            ScopeAxis scopeAxis,
            FocusAxis focusAxis,
            CommunityAxis communityAxis,
            LocalDate startDate) {
        this(fullName, email, jobTitle, teamId, specialization, scopeAxis, focusAxis, communityAxis, startDate, null);
    }
}
