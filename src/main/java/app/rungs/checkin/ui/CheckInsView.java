package app.rungs.checkin.ui;

import app.rungs.checkin.service.CheckInRoutes;
import app.rungs.checkin.service.CheckInRow;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.ui.Formats;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;

/**
 * The signed-in user's check-ins: their own and, for managers, their reports', each with where it stands for them
 * (waiting for you, waiting for the other, ready to compare, agreed); starting a new one; and the history of the
 * user's own agreed outcomes per competency.
 */
@Route(CheckInRoutes.LIST)
@PageTitle("Check-ins")
@Menu(order = 14, icon = "vaadin:comments-o", title = "Check-ins")
@PermitAll
@StyleSheet("styles/checkins.css")
public class CheckInsView extends Div {

    final Grid<CheckInRow> grid = new Grid<>();
    final Button start = new Button("Start a check-in", VaadinIcon.PLUS.create());

    public CheckInsView(CheckInServices services) {
        addClassNames("page", "checkins-page");
        var title = new H1("Check-ins");
        title.addClassName("page-title");
        var lead = new Paragraph("Rate each competency of the next level on your own, then compare with the other"
                + " side and agree where you stand. Neither sees the other's ratings until both have submitted.");
        lead.addClassName("muted");
        start.setId("start-check-in-button");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(e -> new StartCheckInDialog(services, this::open).open());
        var header = new Div(new Div(title, lead), start);
        header.addClassName("checkins-header");
        add(header);

        grid.setId("check-ins-grid");
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(CheckInsView::who).setHeader("Check-in").setFlexGrow(2);
        grid.addColumn(r -> r.cycle() == null ? "—" : r.cycle())
                .setHeader("Cycle")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(CheckInRow::targetLevelKey)
                .setHeader("Against")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(r -> r.agreedAt() != null ? "Agreed " + Formats.date(r.agreedAt()) : Formats.date(r.dueAt()))
                .setHeader("Due / agreed")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(StageBadges::stage)
                .setHeader("State")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setItems(q -> services.reads().mine(null, q.getOffset(), q.getLimit()).stream(), q ->
                (int) services.reads().countMine(null));
        grid.setEmptyStateText("No check-ins yet. Start one for yourself or, as a manager, for a direct report.");
        grid.addItemClickListener(e -> open(e.getItem().id()));
        grid.setAllRowsVisible(true);
        add(grid);

        var me = CurrentUser.require().personId();
        if (me != null) {
            add(HistoryPanel.of("you", services.reads().history(me)));
        }
    }

    private static Div who(CheckInRow r) {
        var name = new Span(r.engineerName());
        name.addClassName("checkin-who");
        var sub = new Span(
                r.mySide() == app.rungs.checkin.domain.Side.ENGINEER
                        ? "With " + r.managerName()
                        : "Your report · you rate as manager");
        sub.addClassName("checkin-sub");
        var cell = new Div(name, sub);
        cell.addClassName("checkin-cell");
        return cell;
    }

    private void open(Long id) {
        getUI().ifPresent(ui -> ui.navigate(CheckInView.class, new RouteParameters("id", String.valueOf(id))));
    }
}
