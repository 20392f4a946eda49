package app.rungs.security;

import com.vaadin.flow.server.VaadinService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.web.session.InvalidSessionStrategy;
import org.springframework.security.web.session.SessionInformationExpiredEvent;
import org.springframework.security.web.session.SessionInformationExpiredStrategy;

/**
 * Answers the next request of a session that was ended (by an admin, a password change or the idle timeout) or that
 * this instance does not know (it restarted, or took over the users of a stopped instance) with a
 * trip to the sign-in page and its "Your session has ended" notice.
 *
 * <p>A page load gets a plain redirect. An open Vaadin tab talks to the server with background requests (UIDL,
 * heartbeat) that cannot follow a redirect, so those get Vaadin's critical-notification JSON with only a URL, which
 * makes the client navigate there at once instead of showing a generic "connection lost" error.
 */
final class SessionEndedHandler implements SessionInformationExpiredStrategy, InvalidSessionStrategy {

    static final String ENDED_URL = "/login?expired";

    @Override
    public void onExpiredSessionDetected(SessionInformationExpiredEvent event) throws IOException {
        send(event.getRequest(), event.getResponse());
    }

    @Override
    public void onInvalidSessionDetected(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // A fresh session, so the sign-in page's request no longer carries the unknown id (else: a redirect loop).
        request.getSession(true);
        send(request, response);
    }

    static boolean isVaadinBackgroundRequest(HttpServletRequest request) {
        return request.getParameter("v-r") != null;
    }

    private static void send(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var url = request.getContextPath() + ENDED_URL;
        if (isVaadinBackgroundRequest(request)) {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType("application/json;charset=UTF-8");
            response.setHeader("Cache-Control", "no-store");
            response.getOutputStream()
                    .write(VaadinService.createCriticalNotificationJSON(null, null, null, url)
                            .getBytes(StandardCharsets.UTF_8));
        } else {
            response.sendRedirect(url);
        }
    }
}
