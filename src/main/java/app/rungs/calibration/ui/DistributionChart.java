package app.rungs.calibration.ui;

import app.rungs.shared.ui.charts.ChartOptions;
import app.rungs.shared.ui.charts.ChartTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * The distribution of ratings per level as a stacked bar chart on ECharts ({@link app.rungs.shared.ui.charts}): one
 * bar per level, one segment per rating from lowest (bottom) to highest, unrated engineers on top, and the same
 * numbers as a data table. The rating colours are shared with the board's rating chips.
 */
public final class DistributionChart {

    /** The label of engineers without a rating yet. */
    public static final String NOT_RATED = "Not rated";

    static final String NOT_RATED_COLOR = "#aab3c2";

    private static final Map<Integer, List<String>> PALETTES = Map.of(
            2, List.of("#e05a47", "#2fae7a"),
            3, List.of("#e05a47", "#5b8def", "#2fae7a"),
            4, List.of("#e05a47", "#5b8def", "#2fae7a", "#8b5cf6"),
            5, List.of("#e05a47", "#f29a3f", "#5b8def", "#2fae7a", "#8b5cf6"),
            6, List.of("#e05a47", "#f29a3f", "#e2b93b", "#5b8def", "#2fae7a", "#8b5cf6"),
            7, List.of("#e05a47", "#f29a3f", "#e2b93b", "#5b8def", "#1f9d8f", "#2fae7a", "#8b5cf6"));

    /**
     * One bar: a level with how many engineers have each rating.
     *
     * @param counts engineers per rating of the scale; {@link #NOT_RATED} for those without one
     */
    public record Bar(String label, String caption, Map<String, Integer> counts) {

        public int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private DistributionChart() {}

    /** The color of a rating of the scale; unknown ratings and "not rated" are grey. */
    public static String color(List<String> scale, String rating) {
        int i = scale.indexOf(rating);
        if (i < 0) {
            return NOT_RATED_COLOR;
        }
        var palette = PALETTES.getOrDefault(scale.size(), PALETTES.get(7));
        return palette.get(Math.min(i, palette.size() - 1));
    }

    /** Counts entries per rating: {@code ratings} holds the rating of each engineer of the bar (null: not rated). */
    public static Map<String, Integer> count(List<String> scale, List<String> ratings) {
        var counts = new LinkedHashMap<String, Integer>();
        for (var rating : scale) {
            counts.put(rating, 0);
        }
        for (var rating : ratings) {
            var key = rating == null || !scale.contains(rating) ? NOT_RATED : rating;
            counts.merge(key, 1, Integer::sum);
        }
        return counts;
    }

    /** The ratings in stacking order: the scale lowest first, then "not rated" when any bar has unrated engineers. */
    static List<String> series(List<String> scale, List<Bar> bars) {
        var order = new ArrayList<>(scale);
        if (bars.stream().anyMatch(b -> b.counts().getOrDefault(NOT_RATED, 0) > 0)) {
            order.add(NOT_RATED);
        }
        return order;
    }

    /** The chart: engineers per level, stacked by rating; the x axis names each level and its tier. */
    public static ObjectNode option(List<String> scale, List<Bar> bars) {
        var categories = bars.stream().map(Bar::label).toList();
        var series = new ArrayList<ChartOptions.Series>();
        for (var rating : series(scale, bars)) {
            series.add(new ChartOptions.Series(
                    rating,
                    color(scale, rating),
                    bars.stream()
                            .map(b -> {
                                int n = b.counts().getOrDefault(rating, 0);
                                return n == 0 ? null : n;
                            })
                            .toList()));
        }
        var option = ChartOptions.bars(categories, series, true, "Engineers");
        // Each segment shows its count inside; the level's tier goes under the level key.
        option.withArray("series")
                .forEach(s -> ((ObjectNode) s)
                        .putObject("label")
                        .put("show", true)
                        .put("color", "#ffffff")
                        .put("fontWeight", "bold"));
        var captions = bars.stream()
                .map(b -> b.caption() == null || b.caption().isBlank() ? b.label() : b.label() + "\n" + b.caption())
                .toList();
        var axisData = option.withObject("xAxis").putArray("data");
        captions.forEach(axisData::add);
        return option;
    }

    /** The same numbers as a table: a row per level, a column per rating and the total. */
    public static ChartTable table(List<String> scale, List<Bar> bars) {
        var order = series(scale, bars);
        var headers = new ArrayList<String>();
        headers.add("Level");
        headers.addAll(order);
        headers.add("Total");
        var rows = new ArrayList<ChartTable.Row>();
        for (var bar : bars) {
            var cells = new ArrayList<String>();
            cells.add(
                    bar.caption() == null || bar.caption().isBlank()
                            ? bar.label()
                            : bar.label() + " (" + bar.caption() + ")");
            for (var rating : order) {
                cells.add(String.valueOf(bar.counts().getOrDefault(rating, 0)));
            }
            cells.add(String.valueOf(bar.total()));
            rows.add(new ChartTable.Row(null, cells));
        }
        return new ChartTable(headers, rows);
    }
}
