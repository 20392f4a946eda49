package app.rungs.calibration.ui;

import app.rungs.calibration.service.CalibrationOutcomes;
import app.rungs.people.service.PersonDetails;
import app.rungs.people.ui.PersonPageTab;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.ui.Card;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

/** The person page's "Calibration" tab: published outcomes by cycle, as the engineer sees them (never the notes). */
@org.springframework.stereotype.Component
class PersonCalibrationTab implements PersonPageTab {

    private final CalibrationOutcomes calibrationOutcomes;

    PersonCalibrationTab(CalibrationOutcomes calibrationOutcomes) {
        this.calibrationOutcomes = calibrationOutcomes;
    }

    @Override
    public String label() {
        return "Calibration outcomes";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public boolean isVisibleFor(PersonDetails person) {
        return person.ladderId() != null;
    }

    @Override
    public Component create(PersonDetails person) {
        try {
            var outcomes = calibrationOutcomes.outcomesOf(person.id());
            if (outcomes.isEmpty()) {
                var none = new Paragraph("No published calibration outcome for " + person.fullName() + " yet.");
                none.addClassName("muted");
                return new Card("Calibration outcomes", none);
            }
            var list = new Outcomes();
            outcomes.forEach(o -> list.add(MyCalibrationView.card(o)));
            return list;
        } catch (NotFoundException e) {
            var note = new Paragraph("This person's calibration outcomes are not visible to you.");
            note.addClassName("muted");
            return new Card("Calibration outcomes", note);
        }
    }

    /** Carries the calibration stylesheet the outcome cards need on the person page. */
    @StyleSheet("styles/calibration.css")
    static class Outcomes extends Div {
        Outcomes() {
            addClassNames("my-calibration", "person-outcomes");
        }
    }
}
