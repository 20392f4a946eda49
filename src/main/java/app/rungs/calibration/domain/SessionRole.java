package app.rungs.calibration.domain;

/** How someone relates to a calibration session; a person may hold several (an admin who also facilitates). */
public enum SessionRole {
    ADMIN,
    FACILITATOR,
    PARTICIPANT
}
