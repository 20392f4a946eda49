package app.rungs.calibration.ui;

import app.rungs.calibration.service.CalibrationPresence;
import app.rungs.calibration.service.LiveMessage;
import app.rungs.calibration.service.Viewer;
import app.rungs.security.service.CurrentUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.avatar.AvatarGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The board's live connection: the LISTEN/NOTIFY subscription of one session (handed to the board inside
 * {@code ui.access}), the presence heartbeat on the UI's poll, and who else is viewing.
 */
final class BoardLive {

    static final int HEARTBEAT_MILLIS = 10_000;

    final Div presence = new Div();
    final AvatarGroup avatars = new AvatarGroup();
    final Span viewersText = new Span();
    final String viewerId = UUID.randomUUID().toString();

    private final CalibrationPresence presenceService;
    private Long subscribedTo;
    private Runnable stopWatching;
    private Registration pollRegistration;

    BoardLive(CalibrationPresence presenceService) {
        this.presenceService = presenceService;
        presence.setId("presence");
        presence.addClassName("presence");
        viewersText.addClassName("presence-names");
        avatars.setMaxItemsVisible(6);
        presence.add(avatars, viewersText);
    }

    /** The "Viewing now" box of the toolbar; built again on every render, around the same presence element. */
    Component box() {
        var label = new Span("Viewing now");
        label.addClassName("presence-label");
        var who = new Div(label, presence);
        who.addClassName("presence-box");
        return who;
    }

    boolean watching(Long sessionId) {
        return sessionId.equals(subscribedTo);
    }

    /** Watches a session: its messages go to {@code onMessage} on the UI's thread, and this viewer is present. */
    void subscribe(UI ui, Long sessionId, Consumer<LiveMessage> onMessage) {
        if (sessionId == null) {
            return;
        }
        subscribedTo = sessionId;
        stopWatching = presenceService.watch(sessionId, message -> {
            try {
                ui.access(() -> onMessage.accept(message));
            } catch (UIDetachedException closed) {
                // The browser went away; the board's onDetach removes this registration.
            }
        });
        showViewers(presenceService.here(sessionId, viewerId));
        ui.setPollInterval(HEARTBEAT_MILLIS);
        pollRegistration = ui.addPollListener(e -> heartbeat());
    }

    void unsubscribe() {
        if (stopWatching != null) {
            stopWatching.run();
            stopWatching = null;
        }
        if (pollRegistration != null) {
            pollRegistration.remove();
            pollRegistration = null;
        }
        if (subscribedTo != null) {
            var left = subscribedTo;
            subscribedTo = null;
            try {
                presenceService.leave(left, viewerId);
            } catch (RuntimeException ignored) {
                // Detached without a signed-in request (session expired): the row expires by itself.
            }
        }
    }

    void heartbeat() {
        if (subscribedTo != null) {
            showViewers(presenceService.here(subscribedTo, viewerId));
        }
    }

    /** Shows who is viewing a session now, as another viewer's arrival or departure announced it. */
    void refreshViewers(Long sessionId) {
        showViewers(presenceService.viewers(sessionId));
    }

    void showViewers(List<Viewer> viewers) {
        avatars.setItems(viewers.stream()
                .map(v -> new AvatarGroup.AvatarGroupItem(v.displayName()))
                .toList());
        var me = CurrentUser.require().username();
        var names = viewers.stream()
                .map(v -> v.username().equalsIgnoreCase(me) ? v.displayName() + " (you)" : v.displayName())
                .toList();
        viewersText.setText(String.join(", ", names));
        presence.getElement().setAttribute("data-viewers", String.join("|", names));
    }
}
