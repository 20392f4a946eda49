package app.rungs.calibration.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The distribution of ratings per level as a stacked bar chart, rendered on the server as an SVG string (no charting
 * component, no frontend bundle): one bar per level, one segment per rating from lowest (bottom) to highest, unrated
 * engineers on top, a y axis with counts, level labels and a legend. Every text from data is escaped.
 */
public final class DistributionChart {

    /** The label of engineers without a rating yet. */
    public static final String NOT_RATED = "Not rated";

    static final int WIDTH = 720;
    static final int HEIGHT = 300;
    static final int LEFT = 44;
    static final int RIGHT = 16;
    static final int TOP = 22;
    static final int BOTTOM = 84;
    static final int PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;
    static final String NOT_RATED_COLOR = "#aab3c2";
    private static final String COUNT_STYLE = "font-size=\"11\" font-weight=\"600\" fill=\"#ffffff\"";
    private static final String TOTAL_STYLE = "font-size=\"11\" fill=\"#374151\"";
    private static final String LABEL_STYLE = "font-size=\"12\" font-weight=\"600\" fill=\"#1f2937\"";
    private static final String CAPTION_STYLE = "font-size=\"10\" fill=\"#6b7280\"";

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

    /** The step between y axis ticks: 1, 2, 5, 10, 20, 50, ... so that there are at most five steps. */
    static int step(int max) {
        int step = 1;
        int[] factors = {1, 2, 5};
        for (int magnitude = 1; ; magnitude *= 10) {
            for (int f : factors) {
                step = f * magnitude;
                if (max <= step * 5) {
                    return step;
                }
            }
        }
    }

    public static String svg(String title, List<String> scale, List<Bar> bars) {
        int max = bars.stream().mapToInt(Bar::total).max().orElse(0);
        int step = step(Math.max(max, 1));
        int top = Math.max(step, ((max + step - 1) / step) * step);
        double unit = (double) PLOT_HEIGHT / top;
        int plotWidth = WIDTH - LEFT - RIGHT;
        int baseline = TOP + PLOT_HEIGHT;

        var svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"dist-chart\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"")
                .append(escape(title))
                .append("\" preserveAspectRatio=\"xMidYMid meet\">");
        svg.append("<title>").append(escape(title)).append("</title>");

        // y axis: grid lines with counts
        for (int value = 0; value <= top; value += step) {
            double y = baseline - value * unit;
            svg.append("<line class=\"dist-grid\" x1=\"")
                    .append(LEFT)
                    .append("\" x2=\"")
                    .append(WIDTH - RIGHT)
                    .append("\" y1=\"")
                    .append(fmt(y))
                    .append("\" y2=\"")
                    .append(fmt(y))
                    .append("\" stroke=\"#d5dae3\" stroke-width=\"1\"/>");
            svg.append("<text class=\"dist-axis\" x=\"")
                    .append(LEFT - 8)
                    .append("\" y=\"")
                    .append(fmt(y + 4))
                    .append("\" text-anchor=\"end\" font-size=\"11\" fill=\"#6b7280\">")
                    .append(value)
                    .append("</text>");
        }
        svg.append("<text class=\"dist-axis dist-axis-title\" x=\"12\" y=\"")
                .append(fmt(TOP + PLOT_HEIGHT / 2.0))
                .append("\" transform=\"rotate(-90 12 ")
                .append(fmt(TOP + PLOT_HEIGHT / 2.0))
                .append(")\" text-anchor=\"middle\" font-size=\"11\" fill=\"#6b7280\">Engineers</text>");

        if (bars.isEmpty()) {
            svg.append("<text class=\"dist-empty\" x=\"")
                    .append(WIDTH / 2)
                    .append("\" y=\"")
                    .append(TOP + PLOT_HEIGHT / 2)
                    .append("\" text-anchor=\"middle\" font-size=\"13\" fill=\"#6b7280\">No engineers match</text>");
        }

        double band = bars.isEmpty() ? plotWidth : (double) plotWidth / bars.size();
        double barWidth = Math.min(band * 0.62, 72);
        var order = new ArrayList<>(scale);
        order.add(NOT_RATED);
        for (int i = 0; i < bars.size(); i++) {
            var bar = bars.get(i);
            double x = LEFT + i * band + (band - barWidth) / 2;
            double y = baseline;
            svg.append("<g class=\"dist-bar\" data-level=\"")
                    .append(escape(bar.label()))
                    .append("\">");
            for (var rating : order) {
                int n = bar.counts().getOrDefault(rating, 0);
                if (n == 0) {
                    continue;
                }
                double h = n * unit;
                y -= h;
                svg.append("<rect class=\"dist-segment\" data-rating=\"")
                        .append(escape(rating))
                        .append("\" data-count=\"")
                        .append(n)
                        .append("\" x=\"")
                        .append(fmt(x))
                        .append("\" y=\"")
                        .append(fmt(y))
                        .append("\" width=\"")
                        .append(fmt(barWidth))
                        .append("\" height=\"")
                        .append(fmt(h))
                        .append("\" fill=\"")
                        .append(color(scale, rating))
                        .append("\"><title>")
                        .append(escape(bar.label() + " · " + rating + ": " + n))
                        .append("</title></rect>");
                if (h >= 15) {
                    centred(svg, "dist-count", x + barWidth / 2, fmt(y + h / 2 + 4), COUNT_STYLE, String.valueOf(n));
                }
            }
            int total = bar.total();
            double middle = x + barWidth / 2;
            centred(svg, "dist-total", middle, fmt(baseline - total * unit - 6), TOTAL_STYLE, String.valueOf(total));
            centred(svg, "dist-label", middle, String.valueOf(baseline + 18), LABEL_STYLE, escape(bar.label()));
            if (bar.caption() != null && !bar.caption().isBlank()) {
                centred(
                        svg,
                        "dist-caption",
                        middle,
                        String.valueOf(baseline + 33),
                        CAPTION_STYLE,
                        escape(bar.caption()));
            }
            svg.append("</g>");
        }
        svg.append("<line class=\"dist-baseline\" x1=\"")
                .append(LEFT)
                .append("\" x2=\"")
                .append(WIDTH - RIGHT)
                .append("\" y1=\"")
                .append(baseline)
                .append("\" y2=\"")
                .append(baseline)
                .append("\" stroke=\"#9aa3b2\" stroke-width=\"1\"/>");

        // legend
        boolean anyUnrated = bars.stream().anyMatch(b -> b.counts().getOrDefault(NOT_RATED, 0) > 0);
        var legend = new ArrayList<>(scale);
        if (anyUnrated) {
            legend.add(NOT_RATED);
        }
        double lx = LEFT;
        double ly = baseline + 56;
        svg.append("<g class=\"dist-legend\">");
        for (var rating : legend) {
            double width = 17 + rating.length() * 7.2 + 22;
            if (lx > LEFT && lx + width - 22 > WIDTH - RIGHT) {
                lx = LEFT;
                ly += 18;
            }
            svg.append("<rect class=\"dist-swatch\" x=\"")
                    .append(fmt(lx))
                    .append("\" y=\"")
                    .append(fmt(ly - 10))
                    .append("\" width=\"12\" height=\"12\" rx=\"2\" fill=\"")
                    .append(color(scale, rating))
                    .append("\"/>");
            svg.append("<text class=\"dist-legend-label\" x=\"")
                    .append(fmt(lx + 17))
                    .append("\" y=\"")
                    .append(fmt(ly))
                    .append("\" font-size=\"12\" fill=\"#374151\">")
                    .append(escape(rating))
                    .append("</text>");
            lx += width;
        }
        svg.append("</g></svg>");
        return svg.toString();
    }

    /** Escapes text for SVG content and attribute values. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        var out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A text centred on {@code x}; {@code y} comes formatted, {@code content} escaped where it is data. */
    private static void centred(StringBuilder svg, String cssClass, double x, String y, String style, String content) {
        svg.append("<text class=\"")
                .append(cssClass)
                .append("\" x=\"")
                .append(fmt(x))
                .append("\" y=\"")
                .append(y)
                .append("\" text-anchor=\"middle\" ")
                .append(style)
                .append('>')
                .append(content)
                .append("</text>");
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
