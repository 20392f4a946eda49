package app.rungs.checkin.ui;

import app.rungs.checkin.service.CheckInRow;
import app.rungs.people.service.PersonDetails;
import app.rungs.people.ui.PersonPageTab;
import app.rungs.shared.ui.Card;
import app.rungs.shared.ui.Formats;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.RouteParameters;

/**
 * The person page's "Check-ins" tab, for the person and their manager: the agreed outcome of each competency over
 * time and the check-ins the viewer took part in.
 */
@org.springframework.stereotype.Component
class PersonCheckInsTab implements PersonPageTab {

    private final CheckInServices services;

    PersonCheckInsTab(CheckInServices services) {
        this.services = services;
    }

    @Override
    public String label() {
        return "Check-ins";
    }

    @Override
    public int order() {
        return 22;
    }

    @Override
    public boolean isVisibleFor(PersonDetails person) {
        return services.reads().mayReadHistory(person.id());
    }

    @Override
    public Component create(PersonDetails person) {
        // The person page loads only its own sheet; the tab brings the check-in styles along.
        com.vaadin.flow.component.UI.getCurrent().getPage().addStyleSheet("styles/checkins.css");
        var box = new Div();
        box.addClassName("person-check-ins");
        box.add(HistoryPanel.of(person.fullName(), services.reads().history(person.id())));
        var grid = new Grid<CheckInRow>();
        grid.setId("person-check-ins-grid");
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_COMPACT);
        grid.addColumn(r -> r.cycle() == null ? "—" : r.cycle())
                .setHeader("Cycle")
                .setAutoWidth(true);
        grid.addColumn(CheckInRow::targetLevelKey).setHeader("Against").setAutoWidth(true);
        grid.addColumn(r -> r.agreedAt() != null
                        ? "Agreed " + Formats.date(r.agreedAt())
                        : "Due " + Formats.date(r.dueAt()))
                .setHeader("When")
                .setAutoWidth(true);
        grid.addComponentColumn(StageBadges::stage).setHeader("State").setAutoWidth(true);
        grid.setItems(q -> services.reads().mine(person.id(), q.getOffset(), q.getLimit()).stream(), q ->
                (int) services.reads().countMine(person.id()));
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No check-ins with " + person.fullName() + " that you took part in.");
        grid.addItemClickListener(e -> grid.getUI()
                .ifPresent(ui -> ui.navigate(
                        CheckInView.class,
                        new RouteParameters("id", String.valueOf(e.getItem().id())))));
        box.add(new Card("Check-ins", grid));
        return box;
    }
}
