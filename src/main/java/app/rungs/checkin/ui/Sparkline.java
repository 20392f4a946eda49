package app.rungs.checkin.ui;

import app.rungs.checkin.domain.Rating;
import app.rungs.checkin.service.CompetencyHistory;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A small server-side SVG line of one competency's agreed outcomes over time (Not yet at the bottom, Exceeds at the
 * top), labelled in words for screen readers; the table next to it carries the same values.
 */
final class Sparkline {

    static final int WIDTH = 120;
    static final int HEIGHT = 28;
    private static final int PAD = 4;

    private Sparkline() {}

    static String svg(CompetencyHistory history) {
        var points = history.points();
        var label = history.competencyName() + ": "
                + points.stream().map(p -> p.outcome().label()).collect(Collectors.joining(", then "));
        var svg = new StringBuilder(512);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"checkin-spark\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(HEIGHT)
                .append("\" aria-label=\"")
                .append(escape(label))
                .append("\"><title>")
                .append(escape(label))
                .append("</title>");
        // Faint guide at "Meets": the line above it exceeds, below it is still growing.
        svg.append("<line class=\"checkin-spark-meets\" x1=\"0\" x2=\"")
                .append(WIDTH)
                .append("\" y1=\"")
                .append(y(Rating.MEETS))
                .append("\" y2=\"")
                .append(y(Rating.MEETS))
                .append("\"/>");
        var coords = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            coords.append(i == 0 ? "" : " ")
                    .append(x(i, points.size()))
                    .append(',')
                    .append(y(points.get(i).outcome()));
        }
        if (points.size() > 1) {
            svg.append("<polyline class=\"checkin-spark-line\" fill=\"none\" points=\"")
                    .append(coords)
                    .append("\"/>");
        }
        for (int i = 0; i < points.size(); i++) {
            svg.append("<circle class=\"checkin-spark-dot rating-")
                    .append(points.get(i).outcome().name().toLowerCase(Locale.ROOT))
                    .append("\" r=\"3\" cx=\"")
                    .append(x(i, points.size()))
                    .append("\" cy=\"")
                    .append(y(points.get(i).outcome()))
                    .append("\"/>");
        }
        return svg.append("</svg>").toString();
    }

    static int x(int i, int n) {
        return n <= 1 ? WIDTH / 2 : PAD + Math.round((WIDTH - 2f * PAD) * i / (n - 1));
    }

    static int y(Rating rating) {
        int steps = Rating.values().length - 1;
        return HEIGHT - PAD - Math.round((HEIGHT - 2f * PAD) * rating.ordinal() / steps);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
