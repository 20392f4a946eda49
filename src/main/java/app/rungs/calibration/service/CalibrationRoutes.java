package app.rungs.calibration.service;

/** In-app routes the calibration service links to from notifications. */
public final class CalibrationRoutes {

    /** Where engineers read their published outcomes. */
    public static final String MY_OUTCOMES = "my-calibration";

    private CalibrationRoutes() {}

    public static String board(Long sessionId) {
        return "calibration/" + sessionId;
    }
}
