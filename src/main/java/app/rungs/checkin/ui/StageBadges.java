package app.rungs.checkin.ui;

import app.rungs.checkin.domain.Rating;
import app.rungs.checkin.service.CheckInRow;
import app.rungs.shared.ui.Badges;
import com.vaadin.flow.component.html.Span;

/** Chips for where a check-in stands for the reader and for ratings. */
final class StageBadges {

    private StageBadges() {}

    static Span stage(CheckInRow row) {
        var variant = switch (row.stage()) {
            case WAITING_FOR_YOU -> "warning";
            case WAITING_FOR_OTHER -> "contrast";
            case READY_TO_COMPARE -> "primary";
            case AGREED -> "success";
        };
        var badge = Badges.badge(row.stageText(), variant);
        badge.getElement().setAttribute("data-stage", row.stage().name());
        return badge;
    }

    static Span rating(Rating rating) {
        if (rating == null) {
            return Badges.muted("Not rated");
        }
        var badge = Badges.badge(rating.label(), "");
        badge.addClassNames("rating-chip", "rating-" + rating.name().toLowerCase(java.util.Locale.ROOT));
        return badge;
    }
}
