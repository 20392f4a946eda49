package app.rungs.calibration.ui;

import app.rungs.calibration.domain.SessionAction;
import app.rungs.calibration.domain.SessionStatus;
import app.rungs.calibration.service.BoardEntries;
import app.rungs.calibration.service.BoardEntry;
import app.rungs.calibration.service.CalibrationPreparation;
import app.rungs.calibration.service.Preparation;
import app.rungs.calibration.service.SessionDetails;
import app.rungs.shared.security.AppRoles;
import app.rungs.shared.ui.Card;
import app.rungs.shared.ui.Formats;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.progressbar.ProgressBarVariant;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;

/**
 * Before the session: every manager enters a proposal (rating and rationale) for each of their people, and everyone
 * sees how far each manager is ("Daniel Okafor 6/9 proposed").
 */
@Route("calibration/:id(\\d{1,18})/preparation")
@RolesAllowed({AppRoles.ADMIN, AppRoles.MANAGER})
@StyleSheet("styles/calibration.css")
public class PreparationView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    final Grid<BoardEntry> grid = new Grid<>();
    private final CalibrationPreparation preparations;
    private final BoardEntries boardEntries;
    Preparation preparation;
    private Long sessionId;

    public PreparationView(CalibrationPreparation preparations, BoardEntries boardEntries) {
        this.preparations = preparations;
        this.boardEntries = boardEntries;
        addClassNames("page", "calibration-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        sessionId = SessionRoute.sessionId(event);
        reload();
    }

    @Override
    public String getPageTitle() {
        return preparation == null ? "Preparation" : preparation.session().name() + " · Preparation";
    }

    void reload() {
        preparation = preparations.preparation(sessionId);
        render();
    }

    private void render() {
        removeAll();
        var s = preparation.session();
        add(new SessionHeader(s, SessionHeader.Page.PREPARATION));
        if (s.status() != SessionStatus.PREPARING) {
            add(banner(s));
        }
        var columns = new Div(progressCard(s), proposalsCard(s));
        columns.addClassName("preparation-columns");
        add(columns);
    }

    private Component banner(SessionDetails s) {
        var text = new Paragraph("The session has started, so proposals are frozen. The committee now sets the final"
                + " ratings on the session board.");
        var link = new RouterLink(
                "Open the session board", BoardView.class, new RouteParameters("id", String.valueOf(s.id())));
        var banner = new Div(VaadinIcon.INFO_CIRCLE.create(), new Div(text, link));
        banner.addClassNames("calibration-banner", "primary");
        return banner;
    }

    private Component progressCard(SessionDetails s) {
        var list = new Div();
        list.addClassName("progress-list");
        int proposed = 0;
        int total = 0;
        for (var m : preparation.progress()) {
            proposed += m.proposed();
            total += m.total();
            var name = new Span(m.managerName());
            name.addClassName("progress-name");
            var count = new Span(m.proposed() + "/" + m.total() + " proposed");
            count.addClassName("progress-count");
            var bar = new ProgressBar(0, Math.max(1, m.total()), m.proposed());
            bar.getElement().setAttribute("aria-label", "Ratings proposed");
            if (m.done()) {
                bar.addThemeVariants(ProgressBarVariant.LUMO_SUCCESS);
            }
            var row = new Div(new Div(name, count), bar);
            row.addClassName("progress-row");
            row.getElement().setAttribute("data-manager", m.managerName());
            list.add(row);
        }
        var overall = new Span(proposed + " of " + total + " engineers have a proposal");
        overall.addClassName("muted");
        var card = new Card("Progress by manager", overall, list);
        card.addClassName("progress-card");
        card.setId("preparation-progress");
        return card;
    }

    private Component proposalsCard(SessionDetails s) {
        var mine = preparation.mine();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.removeAllColumns();
        grid.addColumn(new ComponentRenderer<>(PreparationView::engineer))
                .setHeader("Engineer")
                .setWidth("13rem")
                .setFlexGrow(2);
        grid.addColumn(e -> Formats.since(e.levelSince(), Formats.today()))
                .setHeader("In level")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(e -> CalibrationChips.rating(s.scale(), e.proposedRating())))
                .setHeader("Proposal")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(PreparationView::rationale))
                .setHeader("Rationale")
                .setFlexGrow(3);
        if (s.may(SessionAction.PROPOSE)) {
            grid.addColumn(new ComponentRenderer<>(e -> proposeButton(s, e)))
                    .setAutoWidth(true)
                    .setFlexGrow(0);
        }
        grid.setItems(mine);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(
                s.status() == SessionStatus.PREPARING
                        ? "None of the engineers in this session reports to you."
                        : "Proposals are closed.");
        var lead = new Paragraph(
                s.status() == SessionStatus.PREPARING
                        ? "Propose a rating for each of your people with a short rationale. The committee starts from your"
                                + " proposal in the session; nobody outside the committee sees it."
                        : "These were your proposals.");
        lead.addClassName("muted");
        var card = new Card("Your proposals", lead, grid);
        card.addClassName("proposals-card");
        return card;
    }

    private Button proposeButton(SessionDetails s, BoardEntry e) {
        var button = new Button(e.proposedRating() == null ? "Propose" : "Change");
        button.setId("propose-" + e.id());
        button.addThemeVariants(
                e.proposedRating() == null ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_TERTIARY,
                ButtonVariant.LUMO_SMALL);
        button.addClickListener(click -> propose(e));
        return button;
    }

    /** Opens the proposal dialog for an entry; the page reloads once it is saved. */
    void propose(BoardEntry e) {
        new ProposalDialog(boardEntries, preparation.session().scale(), e, saved -> reload()).open();
    }

    private static Component engineer(BoardEntry e) {
        var name = new Span(e.personName());
        name.addClassName("entry-name");
        var sub = new Span(e.levelKey() + (e.teamName() == null ? "" : " · " + e.teamName()));
        sub.addClassName("entry-sub");
        var cell = new Div(name, sub);
        cell.addClassName("entry-cell");
        return cell;
    }

    private static Component rationale(BoardEntry e) {
        var text = new Span(e.proposalRationale() == null ? "" : e.proposalRationale());
        text.addClassName("rationale");
        return text;
    }
}
