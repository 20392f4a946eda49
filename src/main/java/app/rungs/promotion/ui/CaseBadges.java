package app.rungs.promotion.ui;

import app.rungs.promotion.domain.CaseStatus;
import app.rungs.promotion.service.CaseDetails;
import app.rungs.shared.ui.Badges;
import com.vaadin.flow.component.html.Span;

/** How a case's status and a reviewer's sign-off look, on the shared kit's badges. */
final class CaseBadges {

    private CaseBadges() {}

    static Span status(CaseStatus status) {
        var badge = Badges.badge(status.label(), status.badge());
        badge.addClassName("case-status");
        return badge;
    }

    static Span signOff(CaseDetails.Reviewer reviewer) {
        if (reviewer.verdictHidden()) {
            return Badges.muted("Verdict for the committee");
        }
        var signOff = reviewer.signOff();
        return signOff == null ? Badges.badge("Not signed off", "") : Badges.badge(signOff.label(), signOff.badge());
    }
}
