package app.rungs.calibration.service;

import app.rungs.shared.service.ConcurrentEditException;

/**
 * Someone changed an entry after the editor loaded it; nothing of the editor's change was saved. The message says
 * who changed what ("Sofia Rossi changed this rating to Exceeds while you were editing; your change was not saved")
 * and {@link #fresh()} carries the entry as it is now, so the editor can show it and reapply.
 */
public class RatingConflictException extends ConcurrentEditException {

    private final String message;
    private final transient BoardEntry fresh;

    RatingConflictException(String message, BoardEntry fresh) {
        super("The entry");
        this.message = message;
        this.fresh = fresh;
    }

    @Override
    public String getMessage() {
        return message;
    }

    public BoardEntry fresh() {
        return fresh;
    }
}
