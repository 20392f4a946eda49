package app.rungs.cycle.ui;

import app.rungs.cycle.service.StepProgress;
import app.rungs.people.service.LineMember;
import app.rungs.people.ui.PersonView;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import java.util.function.Supplier;

/**
 * The drill-down of one manager's step: who has not completed it yet, each linking to their person page. Read when
 * opened (one team), so the grid's rows carry only counts.
 */
final class MissingDialog {

    private MissingDialog() {}

    static void open(String managerName, StepProgress step, Supplier<List<LineMember>> missingPeople) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(step.step().label() + " · " + managerName + "'s team");
        dialog.addClassName("cycle-missing-dialog");
        dialog.add(new Paragraph(step.text() + "."));
        var missing = missingPeople.get();
        if (missing.isEmpty()) {
            dialog.add(new Paragraph("Nobody is missing."));
        } else {
            var list = new UnorderedList();
            list.setId("cycle-missing");
            for (var person : missing) {
                list.add(new ListItem(new RouterLink(
                        person.fullName(), PersonView.class, new RouteParameters("id", String.valueOf(person.id())))));
            }
            dialog.add(new Paragraph("Still missing:"), list);
        }
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.open();
    }
}
