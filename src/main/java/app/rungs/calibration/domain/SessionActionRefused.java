package app.rungs.calibration.domain;

import java.util.Locale;

/**
 * A session refused a status change: either the user does not lead it ({@link #byRole()}) or its status does not
 * allow the action. The service turns it into an access or a validation problem; the message says which.
 */
public class SessionActionRefused extends RuntimeException {

    private final boolean byRole;

    private SessionActionRefused(String message, boolean byRole) {
        super(message);
        this.byRole = byRole;
    }

    static SessionActionRefused notYours(CalibrationSession s, SessionAction action) {
        var who = action.who().contains(SessionRole.FACILITATOR)
                ? "the facilitator (" + s.getFacilitatorName() + ") or an admin"
                : "an admin";
        return new SessionActionRefused("Only " + who + " can " + action.verb() + " the session.", true);
    }

    static SessionActionRefused wrongStatus(CalibrationSession s, SessionAction action) {
        var required = action.from().stream()
                .map(st -> st.label().toLowerCase(Locale.ROOT))
                .reduce((a, b) -> a + " or " + b)
                .orElse("");
        return new SessionActionRefused(
                "The session is " + s.getStatus().label().toLowerCase(Locale.ROOT) + "; you can " + action.verb()
                        + " it only when it is " + required + ".",
                false);
    }

    /** True when the user may not take the action at all; false when the session's status is the problem. */
    public boolean byRole() {
        return byRole;
    }
}
