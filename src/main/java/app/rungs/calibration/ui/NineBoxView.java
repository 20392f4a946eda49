package app.rungs.calibration.ui;

import app.rungs.calibration.service.NineBox;
import app.rungs.calibration.service.NineBoxes;
import app.rungs.shared.security.AppRoles;
import app.rungs.shared.service.ValidationException;
import app.rungs.shared.ui.EmptyState;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.stream.Collectors;

/**
 * Performance × potential of a session as a table, not a picture: potential by row (high first), performance band by
 * column, each cell a count and the list of names, so a screen reader reads "High potential, High performance: 2
 * people" and the keyboard tabs through the cells. Only the engineers the user may see are placed.
 */
@Route("calibration/:id(\\d{1,18})/nine-box")
@RolesAllowed({AppRoles.ADMIN, AppRoles.MANAGER})
@StyleSheet("styles/calibration.css")
@StyleSheet("styles/fairness.css")
public class NineBoxView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final NineBoxes nineBoxes;
    private String title = "9-box";

    public NineBoxView(NineBoxes nineBoxes) {
        this.nineBoxes = nineBoxes;
        addClassNames("page", "calibration-page", "nine-box-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        NineBox box;
        try {
            box = nineBoxes.nineBox(SessionRoute.sessionId(event));
        } catch (ValidationException notRated) {
            add(EmptyState.of("No 9-box", notRated.getMessage()));
            return;
        }
        title = "9-box · " + box.session().name();
        add(new SessionHeader(box.session(), SessionHeader.Page.NINE_BOX));
        var intro = new Paragraph("Performance (the final rating, else the proposal) by potential. "
                + box.bands().stream()
                        .map(b -> b.label() + ": " + (b.ratings().isEmpty() ? "none" : String.join(", ", b.ratings())))
                        .collect(Collectors.joining(" · "))
                + ".");
        intro.addClassName("nine-box-intro");
        add(intro, table(box));
        if (!box.unplaced().isEmpty()) {
            var list = new UnorderedList();
            box.unplaced()
                    .forEach(p -> list.add(
                            new ListItem(p.name() + (p.rating() == null ? " — not rated" : " — " + p.rating()))));
            var unplaced = new Div(
                    new Span("Not placed yet (" + box.unplaced().size() + "): no rating or no potential"), list);
            unplaced.setId("nine-box-unplaced");
            unplaced.addClassName("nine-box-unplaced");
            add(unplaced);
        }
    }

    private static NativeTable table(NineBox box) {
        var table = new NativeTable();
        table.setId("nine-box");
        table.addClassName("nine-box");
        table.setCaptionText("Performance × potential: " + box.placed() + " engineers placed");
        var head = table.getHead().addRow();
        head.addHeaderCell().setText("Potential \\ Performance");
        for (var band : box.bands()) {
            var th = head.addHeaderCell();
            th.setText(band.label());
            th.getElement().setAttribute("scope", "col");
        }
        var body = table.getBody();
        NineBox.Cell previous = null;
        com.vaadin.flow.component.html.NativeTableRow row = null;
        for (var cell : box.cells()) {
            if (previous == null || previous.potential() != cell.potential()) {
                row = body.addRow();
                var th = row.addHeaderCell();
                th.setText(cell.potential().label() + " potential");
                th.getElement().setAttribute("scope", "row");
            }
            previous = cell;
            var td = row.addDataCell();
            var label = cell.potential().label() + " potential, " + cell.band().label() + ": "
                    + people(cell.people().size());
            td.setId("box-" + cell.potential().name().toLowerCase() + "-"
                    + cell.band().index());
            td.addClassName("nine-box-cell");
            td.addClassName("band-" + cell.band().index());
            td.addClassName("potential-" + cell.potential().name().toLowerCase());
            td.getElement().setAttribute("tabindex", "0");
            td.getElement().setAttribute("aria-label", label);
            td.getElement()
                    .setAttribute("data-count", String.valueOf(cell.people().size()));
            var count = new Span(people(cell.people().size()));
            count.addClassName("nine-box-count");
            var names = new UnorderedList();
            names.addClassName("nine-box-names");
            for (var p : cell.people()) {
                var item = new ListItem(p.name());
                item.getElement().setAttribute("title", p.rating() + (p.proposed() ? " (proposed)" : ""));
                if (p.proposed()) {
                    item.addClassName("proposed");
                }
                names.add(item);
            }
            td.add(count, names);
        }
        return table;
    }

    private static String people(int n) {
        return n == 1 ? "1 person" : n + " people";
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
