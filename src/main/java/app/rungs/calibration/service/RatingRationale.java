package app.rungs.calibration.service;

import app.rungs.calibration.domain.CalibrationEntry;
import app.rungs.shared.service.ValidationException;
import java.util.Objects;

/**
 * The protocol's rule for final ratings: a final rating that differs from the manager's proposal is only set with a
 * written reason, kept in the change log next to who changed it, when, and from what to what. Moving back to the
 * proposal, clearing the rating, or rating an engineer nobody proposed a rating for needs none (there is nothing to
 * differ from; the change log still shows it).
 */
final class RatingRationale {

    private RatingRationale() {}

    /** The reason to record for setting this final rating (null when none is needed); refuses a missing one. */
    static String check(CalibrationEntry e, String newFinalRating, String reason) {
        var text = reason == null || reason.isBlank() ? null : reason.strip();
        if (Objects.equals(e.getFinalRating(), newFinalRating)) {
            return null;
        }
        if (newFinalRating == null || e.getProposedRating() == null || newFinalRating.equals(e.getProposedRating())) {
            return text;
        }
        if (text == null) {
            throw new RationaleRequiredException(
                    "Write why " + e.getPersonName() + "'s final rating is " + newFinalRating
                            + " when the proposal was "
                            + e.getProposedRating()
                            + ": a final rating that differs from the proposal needs a rationale. Nothing was saved.",
                    e.getProposedRating(),
                    newFinalRating);
        }
        if (text.length() > BoardEntries.MAX_TEXT) {
            throw new ValidationException("A rationale is at most " + BoardEntries.MAX_TEXT + " characters long.");
        }
        return text;
    }
}
