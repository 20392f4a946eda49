package app.rungs.calibration.ui;

import app.rungs.calibration.domain.Decision;
import app.rungs.calibration.domain.SessionStatus;
import app.rungs.calibration.service.RatingConflictException;
import app.rungs.shared.service.ValidationException;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.List;

/** Badges and messages shared by the calibration screens. */
final class Ui {

    private Ui() {}

    static Span badge(String text, String variant) {
        var badge = new Span(text);
        badge.addClassName("badge");
        if (variant != null && !variant.isEmpty()) {
            badge.addClassName(variant);
        }
        return badge;
    }

    static Span status(SessionStatus status) {
        var badge = badge(status.label(), status.badge());
        badge.addClassName("session-status");
        return badge;
    }

    static Span decision(Decision decision) {
        return decision == null ? badge("Undecided", "warning") : badge(decision.label(), decision.badge());
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

    static void success(String message) {
        var n = Notification.show(message, 3000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    static void error(String message) {
        var n = Notification.show(message, 8000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    static String message(RuntimeException e) {
        if (e instanceof ValidationException v) {
            return String.join("\n", v.problems());
        }
        if (e instanceof RatingConflictException c) {
            return c.getMessage();
        }
        return e.getMessage();
    }
}
