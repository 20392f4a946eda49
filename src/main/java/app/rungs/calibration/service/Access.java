package app.rungs.calibration.service;

import app.rungs.calibration.domain.CalibrationSession;
import app.rungs.calibration.domain.SessionParticipant;
import app.rungs.calibration.domain.SessionRole;
import app.rungs.calibration.domain.SessionStatus;
import app.rungs.security.service.RungsUser;
import java.util.List;
import java.util.Set;

/** How the signed-in user relates to a session they belong to (see {@link SessionAccess}). */
record Access(CalibrationSession session, List<SessionParticipant> participants, RungsUser me, Set<SessionRole> roles) {

    boolean admin() {
        return roles.contains(SessionRole.ADMIN);
    }

    boolean leads() {
        return admin() || roles.contains(SessionRole.FACILITATOR);
    }

    /** False for a participant while the session prepares: they see only their own reporting line then. */
    boolean seesAll() {
        return leads() || session.getStatus() != SessionStatus.PREPARING;
    }
}
