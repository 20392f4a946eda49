package app.rungs.checkin.service;

import app.rungs.checkin.domain.Rating;
import java.util.List;

/** One side's rating of a competency as stored and shown. */
public record SideRating(Rating rating, String note, List<LinkedEvidence> evidence) {

    public static final SideRating EMPTY = new SideRating(null, null, List.of());

    public SideRating {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
