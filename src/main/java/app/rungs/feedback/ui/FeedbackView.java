package app.rungs.feedback.ui;

import app.rungs.feedback.domain.AskStatus;
import app.rungs.feedback.service.AskedRow;
import app.rungs.feedback.service.MyRequestRow;
import app.rungs.people.ui.PersonView;
import app.rungs.security.domain.Role;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.ui.Badges;
import app.rungs.shared.ui.Formats;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;

/**
 * Peer feedback for everyone: what colleagues asked of me (answer or decline, deadlines flagged), the requests I
 * made with each peer's status, and for admins what engineers see of feedback about themselves. Both lists load a
 * page at a time.
 */
@Route("feedback")
@PageTitle("Feedback")
@Menu(order = 15, icon = "vaadin:comments-o", title = "Feedback")
@PermitAll
@StyleSheet("styles/feedback.css")
public class FeedbackView extends Div {

    private final FeedbackServices feedback;
    final Grid<AskedRow> asked = new Grid<>();
    final Grid<MyRequestRow> requested = new Grid<>();
    final TabSheet tabs = new TabSheet();

    public FeedbackView(FeedbackServices feedback) {
        this.feedback = feedback;
        addClassNames("page", "page-full", "feedback-page");
        var title = new H1("Feedback");
        title.addClassName("page-title");
        var intro = new Paragraph("Ask colleagues what they saw of your work, or of someone you manage, and answer"
                + " what they ask of you. Examples make feedback useful: say what happened and what came of it.");
        intro.addClassNames("muted", "page-intro");
        var ask = new Button(
                "Ask for feedback",
                VaadinIcon.PLUS.create(),
                e -> new AskDialog(feedback, null, () -> {
                            requested.getDataProvider().refreshAll();
                            tabs.setSelectedIndex(1);
                        })
                        .open());
        ask.setId("feedback-ask");
        ask.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var spacer = new Span();
        spacer.addClassName("spacer");
        var toolbar = new Div(intro, spacer, ask);
        toolbar.addClassName("toolbar");

        askedGrid();
        requestedGrid();
        tabs.setWidthFull();
        tabs.add("Asked of me", asked);
        tabs.add("My requests", requested);
        if (CurrentUser.require().has(Role.ADMIN)) {
            tabs.add("Organization setting", new FeedbackSettingsPanel(feedback.settings()));
        }
        add(title, toolbar, tabs);
    }

    private void askedGrid() {
        asked.setId("feedback-asked-grid");
        asked.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        asked.addColumn(AskedRow::subjectName)
                .setHeader("About")
                .setAutoWidth(true)
                .setFlexGrow(0);
        asked.addColumn(AskedRow::topics).setHeader("On").setFlexGrow(3);
        asked.addColumn(AskedRow::requesterName)
                .setHeader("Asked by")
                .setAutoWidth(true)
                .setFlexGrow(0);
        asked.addComponentColumn(r -> deadlineCell(r.deadline(), r.status() == AskStatus.PENDING))
                .setHeader("Due")
                .setAutoWidth(true)
                .setFlexGrow(0);
        asked.addComponentColumn(r -> FeedbackBadges.status(r.status()))
                .setHeader("Status")
                .setAutoWidth(true)
                .setFlexGrow(0);
        asked.addComponentColumn(r -> {
                    var open = new Button(
                            r.status() == AskStatus.PENDING ? "Answer" : "View",
                            e -> new AnswerDialog(
                                            feedback,
                                            r.askId(),
                                            () -> asked.getDataProvider().refreshAll())
                                    .open());
                    open.addThemeVariants(ButtonVariant.LUMO_SMALL);
                    if (r.status() == AskStatus.PENDING) {
                        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                    }
                    open.setId("feedback-open-" + r.askId());
                    return open;
                })
                .setKey("actions")
                .setAutoWidth(true)
                .setFlexGrow(0);
        asked.setItems(q -> feedback.queries().askedOfMe(q.getOffset(), q.getLimit()).stream(), q ->
                (int) feedback.queries().countAskedOfMe());
        asked.setEmptyStateText("Nobody asked you for feedback yet.");
    }

    private void requestedGrid() {
        requested.setId("feedback-requests-grid");
        requested.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        requested
                .addComponentColumn(r -> new RouterLink(
                        r.subjectName(), PersonView.class, new RouteParameters("id", String.valueOf(r.subjectId()))))
                .setHeader("About")
                .setAutoWidth(true)
                .setFlexGrow(0);
        requested.addColumn(MyRequestRow::topics).setHeader("On").setFlexGrow(2);
        requested
                .addComponentColumn(r -> deadlineCell(r.deadline(), r.count(AskStatus.PENDING) > 0))
                .setHeader("Due")
                .setAutoWidth(true)
                .setFlexGrow(0);
        requested
                .addComponentColumn(FeedbackView::peersCell)
                .setHeader("Colleagues")
                .setFlexGrow(3);
        requested
                .addComponentColumn(r -> {
                    var open = new Button("Open", e -> openRequest(r.requestId()));
                    open.addThemeVariants(ButtonVariant.LUMO_SMALL);
                    open.setId("feedback-request-" + r.requestId());
                    return open;
                })
                .setKey("actions")
                .setAutoWidth(true)
                .setFlexGrow(0);
        requested.setItems(q -> feedback.queries().myRequests(q.getOffset(), q.getLimit()).stream(), q ->
                (int) feedback.queries().countMyRequests());
        requested.setEmptyStateText("You have not asked for feedback yet.");
    }

    private void openRequest(Long id) {
        Toasts.attempt(() -> {
            var view = feedback.queries().request(id);
            var dialog = new Dialog(RequestCard.of(view));
            dialog.setHeaderTitle("Feedback on " + view.subjectName());
            dialog.setWidth("min(46rem, 96vw)");
            dialog.getFooter().add(new Button("Close", e -> dialog.close()));
            dialog.open();
        });
    }

    static Component deadlineCell(java.time.Instant deadline, boolean open) {
        var cell = new Div(new Span(Formats.date(deadline)));
        cell.addClassName("feedback-deadline");
        var badge = FeedbackBadges.deadline(deadline, open);
        if (badge != null) {
            cell.add(new Span(" "), badge);
        }
        return cell;
    }

    private static Component peersCell(MyRequestRow r) {
        var cell = new Div();
        cell.addClassName("feedback-peers");
        for (var p : r.peers()) {
            var chip = new Span(new Span(p.peerName() + " "), FeedbackBadges.status(p.status()));
            chip.addClassName("feedback-peer");
            if (p.declineReason() != null) {
                chip.setTitle("Declined: " + p.declineReason());
            }
            cell.add(chip);
        }
        if (r.peers().isEmpty()) {
            cell.add(Badges.muted("—"));
        }
        return cell;
    }
}
