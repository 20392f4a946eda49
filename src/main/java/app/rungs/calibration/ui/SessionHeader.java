package app.rungs.calibration.ui;

import app.rungs.calibration.service.SessionDetails;
import app.rungs.shared.ui.Badges;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

/** The top of a session's pages: title, status, cycle, scope, committee, and the links between its pages. */
class SessionHeader extends Div {

    enum Page {
        PREPARATION,
        PRE_RATINGS,
        BOARD,
        NINE_BOX,
        OUTCOME_AUDIT
    }

    SessionHeader(SessionDetails s, Page current) {
        addClassName("session-header");
        var back = new RouterLink("All sessions", SessionsView.class);
        back.addClassName("session-back");

        var title = new H1(s.name());
        title.addClassName("page-title");
        var badges = new Div(CalibrationChips.status(s.status()), Badges.badge(s.cycle(), ""));
        badges.addClassName("session-badges");
        var titleRow = new Div(title, badges);
        titleRow.addClassName("session-title-row");

        var meta = new Div(
                meta(VaadinIcon.FILTER, s.scopeLabel()),
                meta(VaadinIcon.USER_STAR, "Facilitated by " + s.facilitatorName()),
                meta(
                        VaadinIcon.USERS,
                        s.participantNames().isEmpty()
                                ? "No other participants"
                                : "With " + String.join(", ", s.participantNames())));
        meta.addClassName("session-meta");

        var params = new RouteParameters("id", String.valueOf(s.id()));
        var preparation = new RouterLink("Preparation", PreparationView.class, params);
        preparation.setId("tab-preparation");
        var preRatings = new RouterLink("Pre-ratings", PreRatingView.class, params);
        preRatings.setId("tab-pre-ratings");
        var board = new RouterLink("Session board", BoardView.class, params);
        board.setId("tab-board");
        switch (current) {
            case PREPARATION -> preparation.addClassName("current");
            case PRE_RATINGS -> preRatings.addClassName("current");
            case BOARD -> board.addClassName("current");
            default -> {
                // the 9-box and outcome audit tabs mark themselves (SessionViewLinks)
            }
        }
        var tabs = new Div(preparation, preRatings, board);
        SessionViewLinks.addTo(tabs, s, current);
        tabs.addClassName("session-tabs");

        add(back, titleRow, meta, tabs);
    }

    private static Span meta(VaadinIcon icon, String text) {
        var i = icon.create();
        i.addClassName("session-meta-icon");
        var span = new Span(i, new Span(text));
        span.addClassName("session-meta-item");
        return span;
    }
}
