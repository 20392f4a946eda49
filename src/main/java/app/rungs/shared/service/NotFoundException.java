package app.rungs.shared.service;

/** A requested object does not exist or is not visible to the caller; views show it as "not found". */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
