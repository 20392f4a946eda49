package app.rungs.evidence.ui;

import app.rungs.evidence.domain.EvidenceStatus;
import app.rungs.evidence.domain.EvidenceType;
import app.rungs.evidence.service.EvidenceContext;
import app.rungs.evidence.service.EvidenceDetails;
import app.rungs.evidence.service.EvidenceFilter;
import app.rungs.evidence.service.EvidenceRow;
import app.rungs.ladder.service.LadderContent;
import app.rungs.shared.security.AppRoles;
import app.rungs.shared.ui.Card;
import app.rungs.shared.ui.Keyboard;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
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
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;

/**
 * The engineer's evidence log: filter by type, competency and status, open an item to read, edit or submit it, and
 * log new evidence. {@code my-evidence?new=1&competency=<key>&level=<key>} opens the editor prefilled, as the
 * ladder's level page links to it.
 */
@Route("my-evidence")
@PageTitle("My evidence")
@Menu(order = 10, icon = "vaadin:clipboard-check", title = "My evidence")
@RolesAllowed({AppRoles.ENGINEER, AppRoles.MANAGER})
@StyleSheet(EvidenceRenderers.STYLESHEET)
public class MyEvidenceView extends Div implements BeforeEnterObserver {

    private final EvidenceServices evidence;
    private final EvidenceContext context;
    final Grid<EvidenceRow> grid = new Grid<>();
    final ComboBox<EvidenceType> type = new ComboBox<>();
    final ComboBox<String> competency = new ComboBox<>();
    final ComboBox<EvidenceStatus> status = new ComboBox<>();
    final TextField search = new TextField();
    private final Div counts = new Div();
    EvidenceEditor editor;
    EvidenceDetailsDialog opened;

    public MyEvidenceView(EvidenceServices evidence) {
        this.evidence = evidence;
        this.context = evidence.reading().context(null).orElse(null);
        addClassNames("page", "page-full", "my-evidence");
        var title = new H1("My evidence");
        title.addClassName("page-title");
        if (context == null) {
            add(
                    title,
                    new Card(
                            "No ladder yet",
                            new Paragraph("You are not placed on a published ladder yet, so there are no competencies"
                                    + " to log evidence against. Ask an admin to place you on a ladder.")));
            return;
        }
        var ladder = context.ladder();
        var intro = new Paragraph(introText(ladder));
        intro.addClassName("muted");
        intro.addClassName("page-intro");

        var coverage = new Button(
                "Coverage", VaadinIcon.CHART_GRID.create(), e -> UI.getCurrent().navigate(CoverageView.class));
        coverage.setId("open-coverage");
        var log = new Button("Log evidence", VaadinIcon.PLUS.create(), e -> openEditor(null, null));
        log.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        log.setId("log-evidence");
        var head = new Div(new Div(title, intro), new Div(coverage, log));
        head.addClassName("page-head");

        counts.addClassName("status-counts");
        counts.setId("evidence-status-counts");

        type.setPlaceholder("Type");
        type.setAriaLabel("Type");
        type.setItems(EvidenceType.values());
        type.setItemLabelGenerator(EvidenceType::label);
        type.setClearButtonVisible(true);
        type.setId("filter-type");
        competency.setPlaceholder("Competency");
        competency.setAriaLabel("Competency");
        competency.setItems(ladder.competencies().stream()
                .map(LadderContent.CompetencyView::key)
                .toList());
        competency.setItemLabelGenerator(k -> EvidenceRenderers.competencyName(ladder, k));
        competency.setClearButtonVisible(true);
        competency.setId("filter-competency");
        competency.setWidth("18rem");
        status.setPlaceholder("Status");
        status.setAriaLabel("Status");
        status.setItems(EvidenceStatus.values());
        status.setItemLabelGenerator(EvidenceStatus::label);
        status.setClearButtonVisible(true);
        status.setId("filter-status");
        search.setPlaceholder("Search titles");
        search.setAriaLabel("Search titles");
        search.setId("filter-search");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        var filters = new Div(type, competency, status, search);
        filters.addClassName("filter-bar");

        grid.setId("my-evidence-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        EvidenceRenderers.addItemColumns(grid, ladder, 3);
        grid.addColumn(new ComponentRenderer<>(MyEvidenceView::statusCell))
                .setHeader("Status")
                .setSortProperty("status")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setItems(
                query ->
                        evidence
                                .reading()
                                .find(null, filter(), VaadinSpringDataHelpers.toSpringPageRequest(query))
                                .stream(),
                query -> (int) evidence.reading().count(null, filter()));
        grid.setEmptyStateText("No evidence matches these filters.");
        grid.addItemClickListener(e -> open(e.getItem().id()));
        Keyboard.openRowsOnEnter(grid, row -> open(row.id()));
        grid.setSizeFull();

        type.addValueChangeListener(e -> refresh());
        competency.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        search.addValueChangeListener(e -> refresh());
        add(head, counts, filters, grid);
        renderCounts();
    }

    private String introText(LadderContent ladder) {
        var next = context.nextLevelKey() == null
                ? null
                : ladder.level(context.nextLevelKey()).orElse(null);
        return next == null
                ? "Log the work that shows how you perform at " + context.levelKey() + "."
                : "Log the work that shows you meet the expectations of " + next.key() + " · " + next.title()
                        + ". Submitted items go to your manager for review.";
    }

    private static Component statusCell(EvidenceRow r) {
        var cell = new Div(EvidenceRenderers.statusBadge(r.status()));
        cell.addClassName("status-cell");
        if (r.source() != null) {
            cell.add(EvidenceRenderers.sourceBadge(r.source()));
        }
        if (r.revision() > 1) {
            var rev = new Span("rev " + r.revision());
            rev.addClassName("muted");
            rev.addClassName("small");
            cell.add(rev);
        }
        if (r.status() == EvidenceStatus.RETURNED && r.reviewComment() != null) {
            cell.getElement().setAttribute("title", r.reviewComment());
        }
        return cell;
    }

    EvidenceFilter filter() {
        return new EvidenceFilter(type.getValue(), competency.getValue(), status.getValue(), search.getValue());
    }

    private void renderCounts() {
        counts.removeAll();
        var byStatus = evidence.reading().statusCounts(null);
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        var all = chip(total + (total == 1 ? " item" : " items"), null);
        counts.add(all);
        for (var s : EvidenceStatus.values()) {
            long n = byStatus.get(s);
            if (n > 0) {
                counts.add(chip(n + " " + s.label().toLowerCase(Locale.ROOT), s));
            }
        }
    }

    private Component chip(String text, EvidenceStatus filterTo) {
        var chip = new Button(text, e -> status.setValue(filterTo));
        chip.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        chip.addClassName("count-chip");
        if (filterTo != null) {
            chip.addClassName("status-" + filterTo.name().toLowerCase(Locale.ROOT));
        }
        return chip;
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        renderCounts();
    }

    void open(Long id) {
        opened = new EvidenceDetailsDialog(evidence, context.ladder(), id, this::refresh, this::edit);
        opened.open();
    }

    private void edit(EvidenceDetails item) {
        editor = new EvidenceEditor(evidence, context, item, null, null, id -> {
            refresh();
            open(id);
        });
        editor.open();
    }

    void openEditor(String competencyKey, String levelKey) {
        editor = new EvidenceEditor(evidence, context, null, competencyKey, levelKey, id -> refresh());
        editor.open();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters();
        if (context != null && params.getSingleParameter("new").map("1"::equals).orElse(false)) {
            openEditor(
                    params.getSingleParameter("competency").orElse(null),
                    params.getSingleParameter("level").orElse(null));
        }
    }
}
