package app.rungs.shared.ui.charts;

import java.util.List;

/**
 * The data table alternative of a chart: the same numbers as rows and columns, for screen readers, keyboard users and
 * anyone who wants exact values. A row may carry the key of the chart item it stands for, so that choosing the row
 * opens the same click-through as clicking the item.
 */
public record ChartTable(List<String> headers, List<Row> rows) {

    public ChartTable {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
    }

    /** One row: its cells (as many as headers) and the chart item it stands for (null: nothing to open). */
    public record Row(ChartClick key, List<String> cells) {

        public Row {
            cells = List.copyOf(cells);
        }
    }
}
