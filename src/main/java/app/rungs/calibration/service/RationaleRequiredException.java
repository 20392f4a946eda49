package app.rungs.calibration.service;

import app.rungs.shared.service.ValidationException;

/**
 * A final rating was moved away from the proposal without a written reason; nothing was saved. The editor asks for
 * the reason and sends the change again with it.
 */
public class RationaleRequiredException extends ValidationException {

    private final String from;
    private final String to;

    RationaleRequiredException(String message, String from, String to) {
        super(message);
        this.from = from;
        this.to = to;
    }

    /** The proposal the rating moves away from (null: none was made). */
    public String from() {
        return from;
    }

    public String to() {
        return to;
    }
}
