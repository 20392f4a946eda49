package app.rungs.checkin.service;

import app.rungs.checkin.domain.Rating;
import java.util.List;

/**
 * One competency's rating as a side enters it: the rating (null while undecided in a draft), a note, and the
 * engineer's evidence items it points to.
 */
public record RatingInput(Rating rating, String note, List<Long> evidenceIds) {

    public RatingInput {
        evidenceIds = evidenceIds == null ? List.of() : List.copyOf(evidenceIds);
    }
}
