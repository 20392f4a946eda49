package app.rungs.promotion.ui;

import app.rungs.promotion.domain.CaseStatus;
import app.rungs.promotion.domain.SignOff;
import com.vaadin.flow.component.html.Span;

/** Badges of the promotion screens. */
final class Badges {

    private Badges() {}

    static Span of(String text, String variant) {
        var badge = new Span(text);
        badge.addClassName("badge");
        if (variant != null && !variant.isEmpty()) {
            badge.addClassName(variant);
        }
        return badge;
    }

    static Span status(CaseStatus status) {
        var badge = of(status.label(), status.badge());
        badge.addClassName("case-status");
        return badge;
    }

    static Span signOff(SignOff signOff) {
        return signOff == null ? of("Not signed off", "") : of(signOff.label(), signOff.badge());
    }
}
