package app.rungs.shared.ui.charts;

import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds ECharts option objects in Java for the chart kinds Rungs shows: bars (grouped or stacked), box plots and
 * heatmaps. Every data item carries its click key ({@link ChartClick}); texts go to ECharts as data, never as markup
 * (tooltips use ECharts' own escaping templates).
 */
public final class ChartOptions {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ChartOptions() {}

    /** One bar series: a value per category (null: no bar), drawn in {@code color} (null: the theme's). */
    public record Series(String name, String color, List<? extends Number> values) {}

    /** Five numbers of a box (minimum, lower quartile, median, upper quartile, maximum) and how many they describe. */
    public record Box(double min, double q1, double median, double q3, double max, long count) {}

    /** A heatmap cell: column, row and value (null: no cell, e.g. a suppressed group). */
    public record Cell(String column, String row, Double value) {}

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** Bars per category, one series per entry; stacked or side by side; {@code yName} names the value axis. */
    public static ObjectNode bars(List<String> categories, List<Series> series, boolean stacked, String yName) {
        var option = base(series.size() > 1);
        categoryAxis(option.putObject("xAxis"), categories);
        valueAxis(option.putObject("yAxis"), yName);
        var all = option.putArray("series");
        for (var s : series) {
            var node = all.addObject();
            node.put("type", "bar");
            node.put("name", s.name());
            if (stacked) {
                node.put("stack", "total");
            }
            node.put("barMaxWidth", 56);
            if (s.color() != null) {
                node.putObject("itemStyle").put("color", s.color());
            }
            node.putObject("emphasis").put("focus", "series");
            var data = node.putArray("data");
            for (int i = 0; i < categories.size(); i++) {
                var value = i < s.values().size() ? s.values().get(i) : null;
                var item = data.addObject();
                if (value == null) {
                    item.putNull("value");
                } else {
                    item.put("value", value.doubleValue());
                }
                key(item, s.name(), categories.get(i));
            }
        }
        return option;
    }

    /** A box per category (whiskers at minimum and maximum); {@code yName} names the value axis. */
    public static ObjectNode boxplot(List<String> categories, List<Box> boxes, String yName) {
        var option = base(false);
        categoryAxis(option.putObject("xAxis"), categories);
        valueAxis(option.putObject("yAxis"), yName);
        var series = option.putArray("series").addObject();
        series.put("type", "boxplot");
        series.put("name", yName);
        // A translucent fill reads in both themes (the dark theme's default box fill is white).
        series.putObject("itemStyle").put("color", "rgba(91, 141, 239, 0.25)").put("borderColor", "#5b8def");
        option.withObject("xAxis")
                .withObject("axisLabel")
                .put("interval", 0)
                .put("width", 96)
                .put("overflow", "break");
        var data = series.putArray("data");
        for (int i = 0; i < categories.size(); i++) {
            var b = boxes.get(i);
            var item = data.addObject();
            var value = item.putArray("value");
            value.add(b.min()).add(b.q1()).add(b.median()).add(b.q3()).add(b.max());
            key(item, "", categories.get(i));
        }
        return option;
    }

    /** Cells of columns × rows, coloured from 0 to {@code max}; {@code valueName} names the value in the legend. */
    public static ObjectNode heatmap(
            List<String> columns, List<String> rows, List<Cell> cells, double max, String valueName) {
        var option = base(false);
        option.remove("legend");
        option.putObject("grid")
                .put("left", 8)
                .put("right", 16)
                .put("top", 16)
                .put("bottom", 72)
                .put("containLabel", true);
        var x = option.putObject("xAxis");
        categoryAxis(x, columns);
        x.withObject("axisLabel").put("interval", 0).put("rotate", 30);
        x.putObject("splitArea").put("show", true);
        var y = option.putObject("yAxis");
        categoryAxis(y, rows);
        y.putObject("splitArea").put("show", true);
        var visual = option.putObject("visualMap");
        visual.put("min", 0).put("max", max).put("calculable", false).put("orient", "horizontal");
        visual.put("left", "center").put("bottom", 0);
        visual.putArray("text").add(valueName + " (high)").add("low");
        visual.putObject("inRange")
                .putArray("color")
                .add("#fde8e4")
                .add("#f5c26b")
                .add("#2fae7a");
        var series = option.putArray("series").addObject();
        series.put("type", "heatmap");
        series.put("name", valueName);
        // Values are in the tooltip and the data table: labels in dozens of narrow cells would only collide.
        series.putObject("label").put("show", false);
        var data = series.putArray("data");
        for (var c : cells) {
            if (c.value() == null) {
                continue;
            }
            var item = data.addObject();
            item.putArray("value")
                    .add(columns.indexOf(c.column()))
                    .add(rows.indexOf(c.row()))
                    .add(c.value());
            key(item, c.column(), c.row());
        }
        return option;
    }

    private static ObjectNode base(boolean legend) {
        var option = JSON.createObjectNode();
        option.put("animation", false);
        option.putObject("tooltip").put("trigger", "item").put("confine", true);
        if (legend) {
            option.putObject("legend").put("bottom", 0).put("type", "scroll");
        }
        option.putObject("grid")
                .put("left", 8)
                .put("right", 16)
                .put("top", 24)
                .put("bottom", legend ? 40 : 16)
                .put("containLabel", true);
        option.putObject("aria").put("enabled", true);
        return option;
    }

    private static void categoryAxis(ObjectNode axis, List<String> categories) {
        axis.put("type", "category");
        // Room for two-line labels (a level and its tier, a manager and their count).
        axis.putObject("axisLabel").put("lineHeight", 14);
        ArrayNode data = axis.putArray("data");
        categories.forEach(data::add);
    }

    private static void valueAxis(ObjectNode axis, String name) {
        axis.put("type", "value");
        axis.put("name", name);
        axis.putObject("nameTextStyle").put("align", "left");
        axis.put("minInterval", 1);
    }

    private static void key(ObjectNode item, String series, String category) {
        item.putObject("key").put("series", series).put("category", category);
    }
}
