package app.rungs.security;

import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Signs the user out when Vaadin closes an idle session.
 *
 * <p>With {@code vaadin.close-idle-sessions=true} Vaadin counts only real UI interaction (server RPC calls) as
 * activity, not heartbeats or push, and closes the Vaadin session once there was none for the HTTP session timeout.
 * But it only detaches itself from the HTTP session: heartbeats keep touching that session, so the Spring Security
 * context in it would survive and a reload would be signed in again. Invalidating the HTTP session here makes the idle
 * timeout a real sign-out.
 *
 * <p>A tab whose session is gone then goes straight to the sign-in page with its "Your session has ended" notice
 * (Vaadin's session-expired URL) instead of showing a notification first.
 */
@Component
class IdleSessionSignOut implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(IdleSessionSignOut.class);

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
    }
}
