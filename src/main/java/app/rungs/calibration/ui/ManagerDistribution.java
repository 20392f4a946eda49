package app.rungs.calibration.ui;

import app.rungs.calibration.service.BoardEntry;
import app.rungs.shared.ui.charts.ChartOptions;
import app.rungs.shared.ui.charts.ChartTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ratings per manager side by side with the whole session and the organization's guideline: 100% stacked bars (the
 * share of each rating), so a manager rating far above or below the rest stands out whatever the team size. The
 * guideline is a reference bar, never a curve anyone is held to.
 */
final class ManagerDistribution {

    static final String SESSION = "Whole session";
    static final String GUIDELINE = "Guideline";
    static final String NO_MANAGER = "No manager";

    /** A bar: its label, how many engineers it counts (0 for the guideline) and the percent per rating. */
    record Column(String label, int engineers, Map<String, Integer> counts, Map<String, Double> percents) {}

    private ManagerDistribution() {}

    static List<Column> columns(
            List<String> scale,
            List<BoardEntry> entries,
            Function<BoardEntry, String> rating,
            Optional<Map<String, Double>> guideline) {
        var columns = new ArrayList<Column>();
        columns.add(column(SESSION, scale, entries.stream().map(rating).toList()));
        guideline.ifPresent(g -> columns.add(new Column(GUIDELINE, 0, Map.of(), g)));
        var byManager = new TreeMap<String, List<String>>(Comparator.comparing(s -> s.toLowerCase(Locale.ROOT)));
        for (var e : entries) {
            var manager = e.managerName() == null || e.managerName().isBlank() ? NO_MANAGER : e.managerName();
            byManager.computeIfAbsent(manager, k -> new ArrayList<>()).add(rating.apply(e));
        }
        byManager.forEach((manager, ratings) -> columns.add(column(manager, scale, ratings)));
        return columns;
    }

    private static Column column(String label, List<String> scale, List<String> ratings) {
        var counts = DistributionChart.count(scale, ratings);
        var percents = new TreeMap<String, Double>();
        int total = ratings.size();
        counts.forEach((r, n) -> percents.put(r, total == 0 ? 0 : Math.round(1000.0 * n / total) / 10.0));
        return new Column(label, total, counts, percents);
    }

    static ObjectNode option(List<String> scale, List<Column> columns) {
        var order = new ArrayList<>(scale);
        if (columns.stream().anyMatch(c -> c.counts().getOrDefault(DistributionChart.NOT_RATED, 0) > 0)) {
            order.add(DistributionChart.NOT_RATED);
        }
        var categories = columns.stream().map(Column::label).toList();
        var series = new ArrayList<ChartOptions.Series>();
        for (var r : order) {
            series.add(new ChartOptions.Series(
                    r,
                    DistributionChart.color(scale, r),
                    columns.stream()
                            .map(c -> {
                                var p = c.percents().getOrDefault(r, 0.0);
                                return p == 0 ? null : p;
                            })
                            .toList()));
        }
        var option = ChartOptions.bars(categories, series, true, "% of engineers");
        option.withObject("yAxis").put("max", 100);
        var axisData = option.withObject("xAxis").putArray("data");
        columns.forEach(c -> axisData.add(c.engineers() == 0 ? c.label() : c.label() + "\n" + c.engineers() + " eng."));
        option.withObject("xAxis").withObject("axisLabel").put("interval", 0);
        return option;
    }

    static ChartTable table(List<String> scale, List<Column> columns) {
        var headers = new ArrayList<String>();
        headers.add("Group");
        headers.add("Engineers");
        headers.addAll(scale);
        boolean unrated = columns.stream().anyMatch(c -> c.counts().getOrDefault(DistributionChart.NOT_RATED, 0) > 0);
        if (unrated) {
            headers.add(DistributionChart.NOT_RATED);
        }
        var rows = new ArrayList<ChartTable.Row>();
        for (var c : columns) {
            var cells = new ArrayList<String>();
            cells.add(c.label());
            cells.add(c.engineers() == 0 ? "—" : String.valueOf(c.engineers()));
            var ratings = new ArrayList<>(scale);
            if (unrated) {
                ratings.add(DistributionChart.NOT_RATED);
            }
            for (var r : ratings) {
                var pct = String.format(Locale.ROOT, "%.0f%%", c.percents().getOrDefault(r, 0.0));
                cells.add(c.engineers() == 0 ? pct : c.counts().getOrDefault(r, 0) + " (" + pct + ")");
            }
            rows.add(new ChartTable.Row(null, cells));
        }
        return new ChartTable(headers, rows);
    }
}
