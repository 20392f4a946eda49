package app.rungs.checkin.service;

/** The in-app routes of check-ins, for links in notifications and reminders (views use the same constants). */
public final class CheckInRoutes {

    public static final String LIST = "check-ins";
    public static final String DETAIL = "check-ins/:id";

    private CheckInRoutes() {}

    public static String checkIn(Long id) {
        return "check-ins/" + id;
    }
}
