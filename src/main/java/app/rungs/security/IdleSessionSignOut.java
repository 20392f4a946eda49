package app.rungs.security;

import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinRequestInterceptor;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Two timeouts of a signed-in session: a closed tab and an idle user.
 *
 * <p>A closed tab sends nothing, so the short HTTP session timeout ({@code server.servlet.session.timeout}, 5 minutes)
 * ends its session soon; an open tab's heartbeats (every {@code vaadin.heartbeat-interval}) keep touching the HTTP
 * session, so they keep it. An open tab left alone is signed out here after {@code rungs.session.idle-timeout} (30
 * minutes) without real interaction: Vaadin's last server RPC ({@link VaadinSession#getLastRequestTimestamp()}),
 * which heartbeats and push do not move. Vaadin's own {@code closeIdleSessions} would measure the idle time with the
 * HTTP session timeout, which now is the closed-tab one, so it is off.
 *
 * <p>When the Vaadin session closes (idle, or every tab of it closed), the HTTP session is invalidated too, so the
 * Spring Security context in it cannot survive and a reload is not signed in again. A tab whose session is gone then
 * goes straight to the sign-in page with its "Your session has ended" notice (Vaadin's session-expired URL).
 */
@Component
class IdleSessionSignOut implements VaadinServiceInitListener {

    /** An HTTP session attribute (seconds) that gives one session an idle timeout of its own. */
    static final String IDLE_TIMEOUT_ATTRIBUTE = "rungs.idle-timeout-seconds";

    private static final Logger log = LoggerFactory.getLogger(IdleSessionSignOut.class);

    private final Duration idleTimeout;

    IdleSessionSignOut(@Value("${rungs.session.idle-timeout:30m}") Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        var messages = new CustomizedSystemMessages();
        messages.setSessionExpiredNotificationEnabled(false);
        messages.setSessionExpiredURL("login?expired");
        event.getSource().setSystemMessagesProvider(info -> messages);
        event.getSource().addSessionDestroyListener(destroyed -> {
            var wrapped = destroyed.getSession().getSession();
            if (wrapped == null) {
                return;
            }
            try {
                log.debug("Vaadin session closed; invalidating HTTP session");
                wrapped.invalidate();
            } catch (IllegalStateException alreadyInvalidated) {
                // The HTTP session itself expired or was invalidated (sign-out): nothing left to end.
            }
        });
        event.addVaadinRequestInterceptor(new IdleCheck(idleTimeout));
    }

    /**
     * After every Vaadin request (heartbeats included): signs out a session idle for longer than its timeout.
     *
     * <p>The HTTP session is invalidated holding the Vaadin session's lock, as Vaadin requires: its unbinding checks
     * the lock, and a failure here escaped Vaadin's request end before it cleared its thread-locals, so the dead
     * session stayed current on the server thread and broke the next requests that thread served
     * (SessionTimeoutsTest). Nothing may escape this interceptor for the same reason.
     */
    private record IdleCheck(Duration idleTimeout) implements VaadinRequestInterceptor {

        @Override
        public void requestStart(VaadinRequest request, VaadinResponse response) {}

        @Override
        public void handleException(
                VaadinRequest request, VaadinResponse response, VaadinSession session, Exception exception) {}

        @Override
        public void requestEnd(VaadinRequest request, VaadinResponse response, VaadinSession session) {
            var wrapped = session == null ? null : session.getSession();
            if (wrapped == null) {
                return;
            }
            session.lock();
            try {
                long limit = wrapped.getAttribute(IDLE_TIMEOUT_ATTRIBUTE) instanceof Integer seconds
                        ? seconds * 1000L
                        : idleTimeout.toMillis();
                if (System.currentTimeMillis() - session.getLastRequestTimestamp() > limit) {
                    log.debug("No interaction for {} ms; signing the session out", limit);
                    wrapped.invalidate();
                }
            } catch (IllegalStateException alreadyInvalidated) {
                // Signed out or expired during this request: nothing left to end.
            } catch (RuntimeException e) {
                log.warn("Idle check failed; the session stays signed in", e);
            } finally {
                session.unlock();
            }
        }
    }
}
