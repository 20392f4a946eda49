package app.rungs.calibration.service;

import app.rungs.calibration.domain.Decision;

/** The committee's fields of an entry as the editor wants them; unchanged fields are simply passed back. */
public record EntryEdit(String finalRating, Decision decision, String feedback, String notes) {

    public static EntryEdit of(BoardEntry e) {
        return new EntryEdit(e.finalRating(), e.decision(), e.feedback(), e.notes());
    }

    public EntryEdit withFinalRating(String value) {
        return new EntryEdit(value, decision, feedback, notes);
    }

    public EntryEdit withDecision(Decision value) {
        return new EntryEdit(finalRating, value, feedback, notes);
    }

    public EntryEdit withFeedback(String value) {
        return new EntryEdit(finalRating, decision, value, notes);
    }

    public EntryEdit withNotes(String value) {
        return new EntryEdit(finalRating, decision, feedback, value);
    }
}
