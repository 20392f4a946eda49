package app.rungs.calibration.ui;

import app.rungs.calibration.domain.SessionStatus;
import app.rungs.calibration.service.SessionDetails;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

/** The session's further pages in its header: the 9-box when potential is rated, the outcome audit once locked. */
final class SessionViewLinks {

    private SessionViewLinks() {}

    static void addTo(Div tabs, SessionDetails s, SessionHeader.Page current) {
        var params = new RouteParameters("id", String.valueOf(s.id()));
        if (s.potentialRated()) {
            var nineBox = new RouterLink("9-box", NineBoxView.class, params);
            nineBox.setId("tab-nine-box");
            if (current == SessionHeader.Page.NINE_BOX) {
                nineBox.addClassName("current");
            }
            tabs.add(nineBox);
        }
        if (s.status() == SessionStatus.LOCKED || s.status() == SessionStatus.PUBLISHED) {
            var audit = new RouterLink("Outcome audit", OutcomeAuditView.class, params);
            audit.setId("tab-outcome-audit");
            if (current == SessionHeader.Page.OUTCOME_AUDIT) {
                audit.addClassName("current");
            }
            tabs.add(audit);
        }
    }
}
