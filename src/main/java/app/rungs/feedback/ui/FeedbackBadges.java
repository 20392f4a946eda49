package app.rungs.feedback.ui;

import app.rungs.feedback.domain.AskStatus;
import app.rungs.shared.ui.Badges;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.time.Instant;

/** The chips of feedback screens: a peer's status, and how near an open deadline is. */
final class FeedbackBadges {

    /** Deadlines closer than this are "due soon", as the due-soon reminder says. */
    static final Duration DUE_SOON = Duration.ofDays(2);

    private FeedbackBadges() {}

    static Span status(AskStatus status) {
        return Badges.badge(
                status.label(),
                switch (status) {
                    case PENDING -> "contrast";
                    case ANSWERED -> "success";
                    case DECLINED -> "";
                });
    }

    /** "Overdue" or "Due soon" for an open deadline, else null. */
    static Span deadline(Instant deadline, boolean open) {
        if (!open || deadline == null) {
            return null;
        }
        var now = Instant.now();
        if (!deadline.isAfter(now)) {
            return Badges.badge("Overdue", "error");
        }
        if (Duration.between(now, deadline).compareTo(DUE_SOON) <= 0) {
            return Badges.badge("Due soon", "warning");
        }
        return null;
    }
}
