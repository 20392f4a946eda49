package app.rungs.calibration.service;

import java.util.List;

/**
 * The pre-rating page of a session: the engineers the signed-in participant rates, with their own pre-rating only,
 * and how far each participant is (counts, never ratings).
 *
 * @param mayRate true for a participant while the session prepares
 */
public record PreRatingForm(SessionDetails session, boolean mayRate, List<Row> rows, List<Progress> progress) {

    /** One engineer to rate; {@code myRating} is the signed-in participant's own pre-rating (null: not yet). */
    public record Row(
            Long entryId, String personName, String teamName, String levelKey, String managerName, String myRating) {}

    public record Progress(Long personId, String participantName, int rated, int total) {}
}
