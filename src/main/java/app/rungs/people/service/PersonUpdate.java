package app.rungs.people.service;

import app.rungs.ladder.domain.CommunityAxis;
import app.rungs.ladder.domain.FocusAxis;
import app.rungs.ladder.domain.ScopeAxis;
import app.rungs.ladder.domain.SpecializationTrack;
import java.time.LocalDate;

/** The editable profile of a person (level and manager change through their own operations). */
public record PersonUpdate(
        String fullName,
        String email,
        String jobTitle,
        Long teamId,
        SpecializationTrack specialization,
        ScopeAxis scopeAxis,
        FocusAxis focusAxis,
        CommunityAxis communityAxis,
        LocalDate startDate) {}
