package app.rungs.calibration.ui;

import app.rungs.calibration.domain.SessionStatus;
import app.rungs.calibration.service.PreRatingForm;
import app.rungs.calibration.service.PreRatings;
import app.rungs.shared.security.AppRoles;
import app.rungs.shared.service.ValidationException;
import app.rungs.shared.ui.Card;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.security.access.AccessDeniedException;

/**
 * Blind pre-ratings: each participant rates the session's engineers before the session, seeing only their own
 * ratings and how far everyone is. The facilitator's start reveals them together on the board.
 */
@Route("calibration/:id(\\d{1,18})/pre-ratings")
@RolesAllowed({AppRoles.ADMIN, AppRoles.MANAGER})
@StyleSheet("styles/calibration.css")
public class PreRatingView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    static final String NONE = "Not rated";

    final Grid<PreRatingForm.Row> grid = new Grid<>();
    private final PreRatings preRatings;
    PreRatingForm form;
    private Long sessionId;

    public PreRatingView(PreRatings preRatings) {
        this.preRatings = preRatings;
        addClassNames("page", "calibration-page");
        grid.setId("pre-rating-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        // Flexible text columns and a fixed rating column: the select stays in view on narrow screens.
        grid.addColumn(PreRatingForm.Row::personName).setHeader("Engineer").setFlexGrow(2);
        grid.addColumn(PreRatingForm.Row::teamName).setHeader("Team").setFlexGrow(2);
        grid.addColumn(PreRatingForm.Row::levelKey)
                .setHeader("Level")
                .setWidth("6em")
                .setFlexGrow(0);
        grid.addColumn(PreRatingForm.Row::managerName).setHeader("Manager").setFlexGrow(2);
        grid.addColumn(new ComponentRenderer<>(this::ratingCell))
                .setHeader("Your pre-rating")
                .setWidth("14em")
                .setFlexGrow(0);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        sessionId = SessionRoute.sessionId(event);
        reload();
    }

    @Override
    public String getPageTitle() {
        return form == null ? "Pre-ratings" : form.session().name() + " · Pre-ratings";
    }

    void reload() {
        form = preRatings.form(sessionId);
        render();
    }

    private void render() {
        removeAll();
        var s = form.session();
        add(new SessionHeader(s, SessionHeader.Page.PRE_RATINGS));
        var intro = new Paragraph(
                s.status() == SessionStatus.PREPARING
                        ? "Rate each engineer on your own before the session: nobody — not the other participants,"
                                + " not the facilitator — sees your pre-ratings until the facilitator starts the"
                                + " session. Then the board reveals everyone's together, with the spread per"
                                + " engineer, and the agenda takes the largest disagreements first."
                        : "The session has started: the pre-ratings are revealed on the session board.");
        intro.setId("pre-rating-intro");
        intro.addClassName("pre-rating-intro");
        add(intro);
        var columns = new Div(progressCard(), ratingsCard());
        columns.addClassName("preparation-columns");
        add(columns);
        grid.setItems(form.rows());
    }

    private Component progressCard() {
        var list = new Div();
        list.setId("pre-rating-progress");
        list.addClassName("progress-list");
        for (var p : form.progress()) {
            var name = new Span(p.participantName());
            name.addClassName("progress-name");
            var count = new Span(p.rated() + "/" + p.total() + " pre-rated");
            count.addClassName("progress-count");
            var bar = new ProgressBar(0, Math.max(1, p.total()), p.rated());
            bar.getElement().setAttribute("aria-label", "Engineers pre-rated");
            var row = new Div(new Div(name, count), bar);
            row.addClassName("progress-row");
            row.getElement().setAttribute("data-participant", p.participantName());
            list.add(row);
        }
        if (form.progress().isEmpty()) {
            list.add(new Paragraph("No participants."));
        }
        return new Card("Who has pre-rated", list);
    }

    private Component ratingsCard() {
        if (form.rows().isEmpty()) {
            var text = new Paragraph(
                    "Only the session's participants pre-rate. As facilitator you see how far each participant is;"
                            + " the ratings themselves are revealed when you start the session.");
            text.setId("pre-rating-not-rater");
            return new Card("Your pre-ratings", VaadinIcon.EYE_SLASH.create(), text);
        }
        var done = form.rows().stream().filter(r -> r.myRating() != null).count();
        var count = new Span(done + " of " + form.rows().size() + " rated");
        count.setId("pre-rating-count");
        return new Card("Your pre-ratings", count, grid);
    }

    private Component ratingCell(PreRatingForm.Row row) {
        var select = new Select<String>();
        var items = new java.util.ArrayList<String>();
        items.add(NONE);
        items.addAll(form.session().scale());
        select.setItems(items);
        select.setValue(row.myRating() == null ? NONE : row.myRating());
        select.setEnabled(form.mayRate());
        select.getElement().setAttribute("data-engineer", row.personName());
        select.setAriaLabel("Your pre-rating of " + row.personName());
        select.addValueChangeListener(e -> {
            if (!e.isFromClient()) {
                return;
            }
            try {
                preRatings.rate(sessionId, row.entryId(), NONE.equals(e.getValue()) ? null : e.getValue());
                Toasts.success("Pre-rated " + row.personName() + ": " + e.getValue() + ".");
            } catch (ValidationException | AccessDeniedException problem) {
                Toasts.error(problem.getMessage());
            }
            reload();
        });
        return select;
    }
}
