package app.rungs.ladder.domain;

/** A version was asked to take a step its status does not allow; the message names the version and its status. */
public class VersionActionRefused extends RuntimeException {

    public VersionActionRefused(String message) {
        super(message);
    }
}
