package app.rungs.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The name typed into a failed sign-in, kept for the login page that follows so the user only retypes the password.
 * Held in the HTTP session for one page view; the password is never kept.
 */
public final class LastUsername {

    static final String ATTRIBUTE = LastUsername.class.getName();
    /** Longer input is no username anyone typed on purpose; it is not worth keeping. */
    static final int MAX_LENGTH = 254;

    private LastUsername() {}

    static void remember(HttpServletRequest request) {
        var username = request.getParameter("username");
        if (username == null || username.isBlank() || username.length() > MAX_LENGTH) {
            return;
        }
        request.getSession().setAttribute(ATTRIBUTE, username.strip());
    }

    /** The remembered name, forgotten as it is read, or null. */
    public static String take(jakarta.servlet.http.HttpSession session) {
        if (session == null) {
            return null;
        }
        var value = session.getAttribute(ATTRIBUTE);
        session.removeAttribute(ATTRIBUTE);
        return value instanceof String s ? s : null;
    }
}
