package app.rungs.calibration.ui;

import app.rungs.shared.service.NotFoundException;
import com.vaadin.flow.router.BeforeEnterEvent;

/** The session id of the calibration routes ({@code calibration/:id/...}), shared by the board and preparation. */
final class SessionRoute {

    private SessionRoute() {}

    /** The id in the route; the route pattern admits digits only, so a missing id is a page that does not exist. */
    static Long sessionId(BeforeEnterEvent event) {
        return event.getRouteParameters()
                .getLong("id")
                .orElseThrow(() -> new NotFoundException("Calibration session not found"));
    }
}
