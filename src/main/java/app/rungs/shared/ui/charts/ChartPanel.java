package app.rungs.shared.ui.charts;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.node.ObjectNode;

/**
 * A titled chart with its data table alternative: a toggle switches between the {@link EChart} and a grid of the same
 * numbers. A click on a chart item and a click on a table row that stands for an item both reach the click listeners,
 * so the click-through works from either.
 */
public class ChartPanel extends Div {

    private final EChart chart = new EChart();
    private final Grid<ChartTable.Row> table = new Grid<>();
    private final Button toggle = new Button();
    private final Paragraph empty = new Paragraph();
    private final List<Consumer<ChartClick>> listeners = new ArrayList<>();
    private boolean showingTable;
    private ChartTable data = new ChartTable(List.of(), List.of());

    /**
     * @param title the heading, or null where the chart sits in a card that has one
     * @param description a sentence under the title (null: none)
     */
    public ChartPanel(String id, String title, String description) {
        setId(id);
        addClassName("chart-panel");
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        toggle.addClassName("chart-toggle");
        toggle.addClickListener(e -> showTable(!showingTable));
        var header = new Div();
        header.addClassName("chart-panel-header");
        if (title != null) {
            var heading = new H3(title);
            heading.addClassName("chart-panel-title");
            header.add(heading);
        }
        header.add(toggle);
        add(header);
        if (description != null && !description.isBlank()) {
            var text = new Paragraph(description);
            text.addClassName("chart-panel-description");
            add(text);
        }
        chart.setLabel((title == null ? "Chart" : title) + " (the data table alternative lists the numbers)");
        chart.addClassName("chart-panel-chart");
        chart.addChartClickListener(this::fire);
        table.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        table.setAllRowsVisible(true);
        table.addClassName("chart-panel-table");
        table.addItemClickListener(e -> {
            if (e.getItem().key() != null) {
                fire(e.getItem().key());
            }
        });
        empty.addClassName("chart-panel-empty");
        add(chart, table, empty);
        showTable(false);
    }

    /** Shows new numbers: the chart's option and the same numbers as a table. */
    public void show(ObjectNode option, ChartTable table) {
        this.data = table;
        this.table.removeAllColumns();
        for (int i = 0; i < table.headers().size(); i++) {
            int column = i;
            this.table
                    .addColumn(row -> column < row.cells().size() ? row.cells().get(column) : "")
                    .setHeader(table.headers().get(i))
                    .setAutoWidth(true);
        }
        this.table.setItems(table.rows());
        // Short tables show every row; long ones (a heatmap's cells) scroll within the panel.
        this.table.setAllRowsVisible(table.rows().size() <= 15);
        this.table.setHeight(table.rows().size() <= 15 ? null : "24rem");
        chart.setOption(option);
        refreshVisibility();
    }

    /** The text shown instead of chart and table when there are no numbers. */
    public void setEmptyText(String text) {
        empty.setText(text);
    }

    /** Switches between chart and table. */
    public void showTable(boolean table) {
        this.showingTable = table;
        toggle.setText(table ? "Show chart" : "Show table");
        toggle.setIcon(table ? VaadinIcon.BAR_CHART.create() : VaadinIcon.TABLE.create());
        toggle.getElement().setAttribute("aria-pressed", String.valueOf(table));
        refreshVisibility();
    }

    public boolean isShowingTable() {
        return showingTable;
    }

    public EChart chart() {
        return chart;
    }

    public Grid<ChartTable.Row> table() {
        return table;
    }

    public ChartTable data() {
        return data;
    }

    /** Called with the chart item (or table row) a user chooses. */
    public Registration addChartClickListener(Consumer<ChartClick> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Acts as if the user chose this item; the data table and tests use it. */
    public void fire(ChartClick click) {
        List.copyOf(listeners).forEach(l -> l.accept(click));
    }

    private void refreshVisibility() {
        boolean none = data.rows().isEmpty();
        empty.setVisible(none);
        chart.setVisible(!none && !showingTable);
        table.setVisible(!none && showingTable);
        toggle.setEnabled(!none);
    }
}
