package app.rungs.calibration.service;

/**
 * What changed in a session, as announced to every open board on every instance: one entry (by id), who is viewing,
 * or the session itself (its status).
 */
public record LiveMessage(Kind kind, Long entryId) {

    public enum Kind {
        ENTRY,
        PRESENCE,
        SESSION
    }

    static final String PRESENCE = "presence";
    static final String SESSION = "session";

    static String topic(Long sessionId) {
        return "calibration-" + sessionId;
    }

    static LiveMessage parse(String message) {
        if (PRESENCE.equals(message)) {
            return new LiveMessage(Kind.PRESENCE, null);
        }
        if (SESSION.equals(message)) {
            return new LiveMessage(Kind.SESSION, null);
        }
        try {
            return new LiveMessage(Kind.ENTRY, Long.valueOf(message));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
