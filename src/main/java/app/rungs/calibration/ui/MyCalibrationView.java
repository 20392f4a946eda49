package app.rungs.calibration.ui;

import app.rungs.calibration.domain.Decision;
import app.rungs.calibration.service.CalibrationOutcomes;
import app.rungs.calibration.service.CalibrationRoutes;
import app.rungs.calibration.service.Outcome;
import app.rungs.shared.security.AppRoles;
import app.rungs.shared.ui.Badges;
import app.rungs.shared.ui.Card;
import app.rungs.shared.ui.Formats;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** An engineer's published calibration outcomes: final rating and promotion decision, never the committee's notes. */
@Route(CalibrationRoutes.MY_OUTCOMES)
@PageTitle("My calibration")
@Menu(order = 51, icon = "vaadin:medal", title = "My calibration")
@RolesAllowed(AppRoles.ENGINEER)
@StyleSheet("styles/calibration.css")
public class MyCalibrationView extends Div {

    public MyCalibrationView(CalibrationOutcomes calibrationOutcomes) {
        addClassNames("page", "my-calibration");
        var title = new H1("My calibration");
        title.addClassName("page-title");
        var lead = new Paragraph("Your outcome of each published calibration: the final rating the committee agreed"
                + " on and its promotion decision.");
        lead.addClassName("muted");
        add(title, lead);
        var outcomes = calibrationOutcomes.myOutcomes();
        if (outcomes.isEmpty()) {
            var empty = new Card(
                    null,
                    new Paragraph("No published calibration outcomes yet. When your calibration session is"
                            + " published, your final rating and any promotion decision appear here and you get a"
                            + " notification."));
            empty.setId("no-outcomes");
            add(empty);
            return;
        }
        for (var o : outcomes) {
            add(card(o));
        }
    }

    static Component card(Outcome o) {
        var cycle = Badges.badge(o.cycle(), "primary");
        var published = new Span("Published " + Formats.date(o.publishedAt()));
        published.addClassName("muted");
        var head = new Div(cycle, published);
        head.addClassName("outcome-head");

        var ratingLabel = new Span("Final rating");
        ratingLabel.addClassName("fact-label");
        var rating = new Span(o.finalRating() == null ? "—" : o.finalRating());
        rating.addClassName("outcome-rating");
        var ratingBox = new Div(ratingLabel, rating);
        ratingBox.addClassName("outcome-box");

        var decisionLabel = new Span("Promotion");
        decisionLabel.addClassName("fact-label");
        var decisionBox = new Div(decisionLabel);
        decisionBox.addClassName("outcome-box");
        if (o.decision() == Decision.PROMOTE) {
            var text = new Span("Promoted to " + o.targetLevelKey());
            text.addClassName("outcome-promoted");
            var when = new Span("Effective " + Formats.date(o.effectiveDate()));
            when.addClassName("muted");
            decisionBox.add(text, when);
        } else if (o.decision() == Decision.NOT_YET) {
            decisionBox.add(new Span("Not yet for " + o.targetLevelKey()));
            if (o.feedback() != null) {
                var feedback = new Paragraph(o.feedback());
                feedback.addClassName("outcome-feedback");
                decisionBox.add(feedback);
            }
        } else {
            var none = new Span("No promotion case this cycle");
            none.addClassName("muted");
            decisionBox.add(none);
        }
        var body = new Div(ratingBox, decisionBox);
        body.addClassName("outcome-body");
        var card = new Card(o.sessionName(), head, body);
        card.addClassName("outcome-card");
        card.getElement().setAttribute("data-cycle", o.cycle());
        return card;
    }
}
