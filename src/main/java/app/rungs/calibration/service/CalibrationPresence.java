package app.rungs.calibration.service;

import app.rungs.calibration.domain.PresenceRepository;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.live.LiveEvents;
import app.rungs.shared.service.ValidationException;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who has a session's board open, and the live updates a board listens to. Every committed change is announced
 * through {@link LiveEvents} on the topic {@code calibration-<sessionId>} (the entry id, "session" or "presence").
 */
@Service
public class CalibrationPresence {

    static final int VIEWER_SECONDS = 30;
    private static final Pattern VIEWER_ID = Pattern.compile("^[A-Za-z0-9-]{8,40}$");

    private final PresenceRepository presence;
    private final SessionAccess access;
    private final LiveEvents live;
    private final TransactionTemplate readOnly;

    CalibrationPresence(
            PresenceRepository presence,
            SessionAccess access,
            LiveEvents live,
            PlatformTransactionManager transactions) {
        this.presence = presence;
        this.access = access;
        this.live = live;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * Announces (or keeps alive) an open board and returns everyone viewing the session. Boards call it when they
     * open and then every few seconds; a board that stops calling drops off the list after {@value #VIEWER_SECONDS}
     * seconds.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public List<Viewer> here(Long sessionId, String viewerId) {
        var a = access.of(sessionId);
        requireViewerId(viewerId);
        boolean joined = presence.upsert(viewerId, sessionId, a.me().username(), a.me().displayName());
        if (joined) {
            presence.forgetStale();
            live.publish(LiveMessage.topic(sessionId), LiveMessage.PRESENCE);
        }
        return viewersOf(sessionId);
    }

    /** The board was closed. */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public void leave(Long sessionId, String viewerId) {
        requireViewerId(viewerId);
        if (presence.leave(viewerId, CurrentUser.require().username()) > 0) {
            live.publish(LiveMessage.topic(sessionId), LiveMessage.PRESENCE);
        }
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public List<Viewer> viewers(Long sessionId) {
        access.of(sessionId);
        return viewersOf(sessionId);
    }

    private List<Viewer> viewersOf(Long sessionId) {
        return presence.viewers(sessionId, VIEWER_SECONDS).stream()
                .map(r -> new Viewer((String) r[0], (String) r[1]))
                .toList();
    }

    private static void requireViewerId(String viewerId) {
        if (viewerId == null || !VIEWER_ID.matcher(viewerId).matches()) {
            throw new ValidationException("A viewer id is 8 to 40 letters, digits or dashes.");
        }
    }

    /**
     * Calls the listener (on a background thread) with every change of the session committed on any instance:
     * an entry, the viewers, or the session's status. Run the returned action when the board closes.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public Runnable watch(Long sessionId, Consumer<LiveMessage> listener) {
        readOnly.executeWithoutResult(status -> access.of(sessionId));
        var subscription = live.listen(LiveMessage.topic(sessionId), message -> {
            var parsed = LiveMessage.parse(message);
            if (parsed != null) {
                listener.accept(parsed);
            }
        });
        return subscription::remove;
    }
}
