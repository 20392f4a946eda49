package app.rungs.evidence.ui;

import app.rungs.evidence.domain.EvidenceStatus;
import app.rungs.evidence.service.EvidenceContext;
import app.rungs.evidence.service.EvidenceFilter;
import app.rungs.evidence.service.EvidenceRow;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.ui.Keyboard;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.RouterLink;
import java.util.Locale;

/**
 * A person's evidence for their person page: status summary, a status filter and the lazy list; an item opens in
 * the details dialog, where their manager may acknowledge or return it. Visibility is the service's: someone who may
 * not see the person gets a "not visible" note instead.
 *
 * <p>Meant to be the content of the person page's "Evidence" tab: {@code new PersonEvidencePanel(evidenceService,
 * personId)}.
 */
@StyleSheet(EvidenceRenderers.STYLESHEET)
public class PersonEvidencePanel extends Div {

    private final EvidenceServices evidence;
    private final Long personId;
    final Grid<EvidenceRow> grid = new Grid<>();
    final ComboBox<EvidenceStatus> status = new ComboBox<>();
    private final Span summary = new Span();
    private EvidenceContext context;

    public PersonEvidencePanel(EvidenceServices evidence, Long personId) {
        this.evidence = evidence;
        this.personId = personId;
        addClassName("person-evidence-panel");
        setId("person-evidence-panel");
        try {
            context = evidence.reading().context(personId).orElse(null);
            build();
        } catch (NotFoundException e) {
            var note = new Paragraph("This person's evidence is not visible to you.");
            note.addClassName("muted");
            add(note);
        }
    }

    private void build() {
        var ladder = context == null ? null : context.ladder();
        summary.addClassName("muted");
        summary.setId("person-evidence-summary");
        var coverage = new RouterLink("Open coverage", CoverageView.class, personId);
        coverage.addClassName("panel-link");
        coverage.getElement().insertChild(0, VaadinIcon.CHART_GRID.create().getElement());
        status.setPlaceholder("All statuses");
        status.setAriaLabel("Status");
        status.setItems(EvidenceStatus.values());
        status.setItemLabelGenerator(EvidenceStatus::label);
        status.setClearButtonVisible(true);
        status.addValueChangeListener(e -> refresh());
        var spacer = new Span();
        spacer.addClassName("spacer");
        var bar = new Div(summary, spacer, status, coverage);
        bar.addClassName("toolbar");

        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        EvidenceRenderers.addItemColumns(grid, ladder, 2);
        grid.addColumn(new ComponentRenderer<>(r -> EvidenceRenderers.statusBadge(r.status())))
                .setHeader("Status")
                .setSortProperty("status")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setItems(
                query -> evidence
                        .reading()
                        .find(
                                personId,
                                filter(),
                                com.vaadin.flow.spring.data.VaadinSpringDataHelpers.toSpringPageRequest(query))
                        .stream(),
                query -> (int) evidence.reading().count(personId, filter()));
        grid.setEmptyStateText("No evidence logged yet.");
        grid.setHeight("28rem");
        grid.addItemClickListener(
                e -> new EvidenceDetailsDialog(evidence, ladder, e.getItem().id(), this::refresh, null).open());
        Keyboard.openRowsOnEnter(
                grid, row -> new EvidenceDetailsDialog(evidence, ladder, row.id(), this::refresh, null).open());
        add(bar, grid);
        renderSummary();
    }

    private EvidenceFilter filter() {
        return new EvidenceFilter(null, null, status.getValue(), null);
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        renderSummary();
    }

    private void renderSummary() {
        var counts = evidence.reading().statusCounts(personId);
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        var parts = new StringBuilder(total + (total == 1 ? " item" : " items"));
        for (var s : EvidenceStatus.values()) {
            if (counts.get(s) > 0) {
                parts.append(" · ")
                        .append(counts.get(s))
                        .append(' ')
                        .append(s.label().toLowerCase(Locale.ROOT));
            }
        }
        summary.setText(parts.toString());
    }
}
