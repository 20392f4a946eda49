package app.rungs.calibration.ui;

import app.rungs.calibration.domain.Decision;
import app.rungs.calibration.domain.SessionStatus;
import app.rungs.shared.ui.Badges;
import com.vaadin.flow.component.html.Span;
import java.util.List;

/** The calibration screens' own chips: a session's status, a promotion decision, and a rating in its chart color. */
final class CalibrationChips {

    private CalibrationChips() {}

    static Span status(SessionStatus status) {
        var badge = Badges.badge(status.label(), status.badge());
        badge.addClassName("session-status");
        return badge;
    }

    static Span decision(Decision decision) {
        return decision == null
                ? Badges.badge("Undecided", "warning")
                : Badges.badge(decision.label(), decision.badge());
    }

    /** A rating as a colored chip, in the color the chart uses for it. */
    static Span rating(List<String> scale, String rating) {
        var chip = new Span(rating == null ? "—" : rating);
        chip.addClassName("rating-chip");
        if (rating == null) {
            chip.addClassName("empty");
        } else {
            chip.getStyle().set("--rating-color", DistributionChart.color(scale, rating));
        }
        return chip;
    }
}
