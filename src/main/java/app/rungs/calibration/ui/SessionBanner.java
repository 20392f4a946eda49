package app.rungs.calibration.ui;

import app.rungs.calibration.domain.SessionAction;
import app.rungs.calibration.domain.SessionStatus;
import app.rungs.calibration.service.BoardEntry;
import app.rungs.calibration.service.SessionDetails;
import app.rungs.shared.ui.Formats;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.Collection;
import java.util.Optional;

/** What the session's status means for the committee, above the board. */
final class SessionBanner {

    private SessionBanner() {}

    /** The banner of a session's status, with the number of proposals while preparing; none in session. */
    static Optional<Component> of(SessionDetails s, Collection<BoardEntry> entries) {
        String title;
        String text;
        String variant;
        switch (s.status()) {
            case PREPARING -> {
                long proposed =
                        entries.stream().filter(e -> e.proposedRating() != null).count();
                title = "Preparing";
                text = proposed + " of " + entries.size() + " engineers have a proposal. "
                        + (s.may(SessionAction.START)
                                ? "Start the session when the committee meets: proposals become the starting final"
                                        + " ratings and submitted promotion cases move into calibration."
                                : "The facilitator starts the session when the committee meets.");
                variant = "primary";
            }
            case LOCKED -> {
                title = "Locked";
                text = "Ratings and decisions are frozen. "
                        + (s.may(SessionAction.PUBLISH)
                                ? "Publish to apply the promotions and tell every engineer their outcome."
                                : "An admin publishes the results; the facilitator can reopen the session.");
                variant = "warning";
            }
            case PUBLISHED -> {
                title = "Published " + Formats.dateTime(s.publishedAt());
                text = "Engineers see their final rating and promotion decision; approved promotions take effect "
                        + Formats.date(s.effectiveDate()) + ". Notes stay with the committee.";
                variant = "success";
            }
            default -> {
                return Optional.empty();
            }
        }
        var heading = new Span(title);
        heading.addClassName("calibration-banner-title");
        var banner = new Div(
                (s.status() == SessionStatus.PUBLISHED ? VaadinIcon.CHECK_CIRCLE : VaadinIcon.INFO_CIRCLE).create(),
                new Div(heading, new Paragraph(text)));
        banner.addClassNames("calibration-banner", variant);
        banner.setId("session-banner");
        return Optional.of(banner);
    }
}
