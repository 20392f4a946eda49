package app.rungs.evidence.ui;

import app.rungs.evidence.domain.EvidenceType;
import app.rungs.evidence.service.EvidenceFilter;
import app.rungs.evidence.service.ReviewRow;
import app.rungs.ladder.service.LadderContent;
import app.rungs.ladder.service.LadderService;
import app.rungs.shared.security.AppRoles;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import app.rungs.shared.ui.Formats;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;

/**
 * The manager's inbox of evidence submitted by their reporting line, oldest first: open an item to acknowledge it or
 * return it with a comment, or acknowledge several at once.
 */
@Route("review")
@PageTitle("Review inbox")
@Menu(order = 12, icon = "vaadin:inbox", title = "Review inbox")
@RolesAllowed(AppRoles.MANAGER)
@StyleSheet(EvidenceRenderers.STYLESHEET)
public class ReviewInboxView extends Div {

    private final EvidenceServices evidence;
    private final LadderService ladders;
    private final Map<Long, LadderContent> ladderCache = new HashMap<>();
    final Grid<ReviewRow> grid = new Grid<>();
    final ComboBox<EvidenceType> type = new ComboBox<>();
    final TextField search = new TextField();
    final Button acknowledgeSelected = new Button("Acknowledge selected", VaadinIcon.CHECK.create());
    private final Span waiting = new Span();
    EvidenceDetailsDialog opened;

    public ReviewInboxView(EvidenceServices evidence, LadderService ladders) {
        this.evidence = evidence;
        this.ladders = ladders;
        addClassNames("page", "page-full", "review-inbox");
        var title = new H1("Review inbox");
        title.addClassName("page-title");
        var intro = new Paragraph("Evidence your reporting line submitted, oldest first. Acknowledge what backs the"
                + " expectations it claims; return the rest with a comment saying what is missing.");
        intro.addClassNames("muted", "page-intro");
        waiting.setId("review-waiting");
        waiting.addClassName("waiting-count");

        type.setPlaceholder("Type");
        type.setAriaLabel("Type");
        type.setId("review-filter-type");
        type.setItems(EvidenceType.values());
        type.setItemLabelGenerator(EvidenceType::label);
        type.setClearButtonVisible(true);
        search.setPlaceholder("Search titles");
        search.setAriaLabel("Search titles");
        search.setId("review-search");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        acknowledgeSelected.setId("acknowledge-selected");
        acknowledgeSelected.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        acknowledgeSelected.setEnabled(false);
        acknowledgeSelected.addClickListener(e -> acknowledgeSelected());
        var spacer = new Span();
        spacer.addClassName("spacer");
        var toolbar = new Div(type, search, spacer, acknowledgeSelected);
        toolbar.addClassName("toolbar");

        grid.setId("review-grid");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(new ComponentRenderer<>(ReviewInboxView::personCell))
                .setHeader("Engineer")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(r -> EvidenceRenderers.titleCell(r.type(), r.title())))
                .setHeader("Evidence")
                .setSortProperty("title")
                .setFlexGrow(3);
        grid.addColumn(new ComponentRenderer<>(
                        r -> EvidenceRenderers.competencyChips(ladder(r), r.competencyKeys(), 2)))
                .setHeader("Supports")
                .setFlexGrow(2);
        grid.addColumn(ReviewRow::levelKey)
                .setHeader("Level")
                .setSortProperty("levelKey")
                .setWidth("7rem")
                .setFlexGrow(0);
        grid.addColumn(r -> waitingFor(r.submittedAt()))
                .setHeader("Waiting")
                .setSortProperty("submittedAt")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(r -> {
                    var open = new Button("Review", e -> open(r));
                    open.addThemeVariants(ButtonVariant.LUMO_SMALL);
                    open.setId("review-" + r.id());
                    return open;
                })
                .setKey("actions")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setItems(
                query ->
                        evidence
                                .review()
                                .reviewQueue(filter(), VaadinSpringDataHelpers.toSpringPageRequest(query))
                                .stream(),
                query -> (int) evidence.review().reviewQueueCount(filter()));
        grid.setEmptyStateText("Nothing waiting for your review.");
        // The grid counts its items anyway; unfiltered, that count is the label's, so a large line's inbox (140,000
        // items: ~0.4 s a count at 100k people) is counted once per open, not twice (docs/benchmarks/load.md).
        grid.getLazyDataView().addItemCountChangeListener(e -> {
            if (!e.isItemCountEstimated() && isUnfiltered()) {
                showWaiting(e.getItemCount());
            }
        });
        grid.addSelectionListener(e -> {
            int n = e.getAllSelectedItems().size();
            acknowledgeSelected.setEnabled(n > 0);
            acknowledgeSelected.setText(n > 1 ? "Acknowledge " + n + " selected" : "Acknowledge selected");
        });
        grid.setSizeFull();
        type.addValueChangeListener(e -> refresh());
        search.addValueChangeListener(e -> refresh());

        var head = new Div(new Div(title, intro), waiting);
        head.addClassName("page-head");
        add(head, toolbar, grid);
    }

    EvidenceFilter filter() {
        return new EvidenceFilter(type.getValue(), null, null, search.getValue());
    }

    private boolean isUnfiltered() {
        return type.getValue() == null
                && (search.getValue() == null || search.getValue().isBlank());
    }

    private static Component personCell(ReviewRow r) {
        var name = new RouterLink(r.ownerName(), CoverageView.class, r.ownerId());
        name.addClassName("person-name");
        name.getElement().setAttribute("title", "Open " + r.ownerName() + "'s coverage");
        var meta = new Span((r.teamName() == null ? "" : r.teamName() + " · ") + r.ownerLevelKey());
        meta.addClassName("evidence-kind");
        var cell = new Div(name, meta);
        cell.addClassName("person-cell");
        return cell;
    }

    private LadderContent ladder(ReviewRow r) {
        // A reporting line usually shares one ladder: it is loaded once per view.
        return ladderCache.computeIfAbsent(
                r.ladderId(), id -> ladders.published(id).orElse(null));
    }

    private static String waitingFor(Instant submittedAt) {
        if (submittedAt == null) {
            return "";
        }
        var days = Duration.between(submittedAt, Instant.now()).toDays();
        return days == 0 ? "today" : days == 1 ? "1 day" : days + " days";
    }

    private void open(ReviewRow r) {
        opened = new EvidenceDetailsDialog(evidence, ladder(r), r.id(), this::refresh, null);
        opened.open();
    }

    void acknowledgeSelected() {
        var selected = grid.getSelectedItems();
        if (selected.isEmpty()) {
            return;
        }
        var versions = new LinkedHashMap<Long, Long>();
        selected.forEach(r -> versions.put(r.id(), r.version()));
        try {
            int n = evidence.review().acknowledgeAll(versions);
            Toasts.success("Acknowledged " + n + (n == 1 ? " item." : " items."));
        } catch (ConcurrentEditException | ValidationException | NotFoundException | AccessDeniedException e) {
            var message = e instanceof ConcurrentEditException
                    ? e.getMessage().replace("This evidence", "One of the selected items")
                            + " Nothing was acknowledged."
                    : e instanceof ValidationException v
                            ? String.join(" ", v.problems()) + " Nothing was acknowledged."
                            : "One of the selected items can no longer be reviewed. Nothing was acknowledged.";
            Toasts.error(message);
        }
        refresh();
    }

    private void refresh() {
        grid.deselectAll();
        grid.getDataProvider().refreshAll();
        if (!isUnfiltered()) {
            // The grid counts the filtered items; the label keeps the whole inbox.
            showWaiting(evidence.review().reviewQueueCount(EvidenceFilter.none()));
        }
    }

    private void showWaiting(long n) {
        waiting.setText(n == 0 ? "Inbox zero" : Formats.number(n) + (n == 1 ? " item waiting" : " items waiting"));
        waiting.getElement().getClassList().set("empty", n == 0);
    }
}
