package app.rungs.people.service;

/** In-app routes of the people feature that other features link to (the board, the audit log). */
public final class PeopleRoutes {

    private PeopleRoutes() {}

    /** The person page. */
    public static String person(Long personId) {
        return "people/" + personId;
    }
}
