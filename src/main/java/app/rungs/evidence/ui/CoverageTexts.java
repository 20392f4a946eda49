package app.rungs.evidence.ui;

import app.rungs.evidence.domain.WaiverStatus;
import app.rungs.evidence.service.Coverage;
import app.rungs.evidence.service.Waiver;
import app.rungs.ladder.domain.Applicability;
import app.rungs.shared.ui.Badges;
import app.rungs.shared.ui.Formats;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import java.util.Optional;

/** The words coverage screens share for a person's path, a line's applicability and its waiver. */
public final class CoverageTexts {

    private CoverageTexts() {}

    /** "Data infrastructure · Research Scientist track", "Generalist · shared line". */
    public static String path(Coverage c) {
        var specialization = c.path().specialization() == null
                ? "generalist"
                : c.path().specialization().label();
        return specialization + " · " + (c.trackName() == null ? "shared line" : c.trackName() + " track");
    }

    static Optional<Component> applicabilityBadge(Applicability a) {
        if (a == null || a == Applicability.CORE) {
            return Optional.empty();
        }
        var badge = Badges.badge(a == Applicability.TRACK ? "Specialization" : "Elective", "contrast");
        badge.getElement()
                .setAttribute(
                        "title",
                        a == Applicability.TRACK
                                ? "Asked of your specialization only"
                                : "One of the electives: the level asks at least some of them");
        return Optional.of(badge);
    }

    static Component notApplicableBadge() {
        var badge = Badges.badge("Not applicable", "contrast");
        badge.addClassName("state-badge");
        return badge;
    }

    static Component waiverText(Waiver w) {
        var text = switch (w.status()) {
            case REQUESTED ->
                "Requested by " + w.requestedBy() + " on " + Formats.date(w.requestedAt()) + ": " + w.reason();
            case APPROVED ->
                "Not applicable (" + w.decidedBy() + ", " + Formats.date(w.decidedAt()) + "): "
                        + (w.decisionComment() == null ? w.reason() : w.decisionComment());
            case DECLINED -> "Waiver declined by " + w.decidedBy() + ": " + w.decisionComment();
        };
        var span = new Span(text);
        span.addClassNames("waiver-text", "waiver-" + w.status().name().toLowerCase());
        if (w.status() == WaiverStatus.REQUESTED) {
            span.addClassName("muted");
        }
        return span;
    }
}
