package app.rungs.calibration.ui;

import app.rungs.calibration.domain.SessionStatus;
import app.rungs.calibration.service.CalibrationSessions;
import app.rungs.calibration.service.SessionRow;
import app.rungs.cycle.service.ReviewCycles;
import app.rungs.people.service.PeopleService;
import app.rungs.shared.security.AppRoles;
import app.rungs.shared.ui.Formats;
import app.rungs.shared.ui.Keyboard;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
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
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;

/** Calibration sessions the user facilitates or takes part in (admins: all), and where new ones are created. */
@Route("calibration")
@PageTitle("Calibration")
@Menu(order = 50, icon = "vaadin:scale", title = "Calibration")
@RolesAllowed({AppRoles.ADMIN, AppRoles.MANAGER})
@StyleSheet("styles/calibration.css")
public class SessionsView extends Div {

    final Grid<SessionRow> grid = new Grid<>();
    final Button create = new Button("New session", VaadinIcon.PLUS.create());
    private final CalibrationSessions sessions;

    public SessionsView(CalibrationSessions sessions, PeopleService people, ReviewCycles cycles) {
        this.sessions = sessions;
        addClassNames("page", "page-full", "calibration-sessions");

        var title = new H1("Calibration");
        title.addClassName("page-title");
        var lead = new Paragraph("Managers propose ratings for their people, then calibrate them together in one"
                + " session: final ratings, promotion decisions and the distribution per level, live.");
        lead.addClassName("muted");
        create.setId("new-session");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> new NewSessionDialog(sessions, people, cycles, this::open).open());
        var spacer = new Span();
        spacer.addClassName("spacer");
        var header = new Div(new Div(title, lead), spacer, create);
        header.addClassName("calibration-header");

        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(new ComponentRenderer<>(SessionsView::name))
                .setHeader("Session")
                .setFlexGrow(3);
        grid.addColumn(SessionRow::cycle).setHeader("Cycle").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(r -> CalibrationChips.status(r.status())))
                .setHeader("Status")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(SessionRow::facilitatorName).setHeader("Facilitator").setFlexGrow(1);
        grid.addColumn(new ComponentRenderer<>(SessionsView::progress))
                .setHeader("Progress")
                .setFlexGrow(2);
        grid.addColumn(r -> Formats.date(r.createdAt()))
                .setHeader("Created")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setItems(query -> sessions.find(VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(), query ->
                (int) Math.min(Integer.MAX_VALUE, sessions.count()));
        grid.setEmptyStateText("No calibration sessions yet. Create one to start preparing the next cycle.");
        grid.addItemClickListener(e -> open(e.getItem().id(), e.getItem().status()));
        Keyboard.openRowsOnEnter(grid, s -> open(s.id(), s.status()));
        grid.setSizeFull();
        add(header, grid);
    }

    private void open(Long id, SessionStatus status) {
        var params = new RouteParameters("id", String.valueOf(id));
        if (status == SessionStatus.PREPARING) {
            UI.getCurrent().navigate(PreparationView.class, params);
        } else {
            UI.getCurrent().navigate(BoardView.class, params);
        }
    }

    private void open(Long id) {
        open(id, SessionStatus.PREPARING);
    }

    private static Component name(SessionRow r) {
        var name = new Span(r.name());
        name.addClassName("session-name");
        var count = new Span(r.engineers() + (r.engineers() == 1 ? " engineer" : " engineers"));
        count.addClassName("session-sub");
        var cell = new Div(name, count);
        cell.addClassName("session-cell");
        return cell;
    }

    private static Component progress(SessionRow r) {
        boolean preparing = r.status() == SessionStatus.PREPARING;
        int done = preparing ? r.proposed() : r.rated();
        var bar = new ProgressBar(0, Math.max(1, r.engineers()), done);
        bar.getElement().setAttribute("aria-label", preparing ? "Ratings proposed" : "Engineers rated");
        bar.addClassName("session-progress-bar");
        if (done == r.engineers() && r.engineers() > 0) {
            bar.addThemeVariants(com.vaadin.flow.component.progressbar.ProgressBarVariant.LUMO_SUCCESS);
        }
        var text = new Span(done + "/" + r.engineers() + (preparing ? " proposed" : " rated"));
        text.addClassName("session-sub");
        var cell = new Div(bar, text);
        cell.addClassName("session-progress");
        return cell;
    }
}
