package app.rungs.checkin.ui;

import app.rungs.checkin.service.CompetencyHistory;
import app.rungs.shared.ui.Card;
import app.rungs.shared.ui.Formats;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a person was and where they are, per competency: a table of the agreed outcome of each agreed check-in (the
 * last six, newest on the right) and a sparkline of all of them.
 */
final class HistoryPanel {

    static final int COLUMNS = 6;

    private HistoryPanel() {}

    static Component of(String personName, List<CompetencyHistory> history) {
        var card = new Card("Over time");
        card.setId("check-in-history");
        if (history.isEmpty()) {
            var none = new Paragraph("No agreed check-in for " + personName + " yet. Once a check-in is agreed, the"
                    + " outcome of each competency shows here, and how it moves from check-in to check-in.");
            none.addClassName("muted");
            card.add(none);
            return card;
        }
        // The agreed check-ins as columns, oldest first; a competency absent from one shows a dash.
        var dates = new TreeMap<java.time.Instant, Long>();
        for (var h : history) {
            for (var p : h.points()) {
                dates.put(p.agreedAt(), p.checkInId());
            }
        }
        var columns = dates.entrySet().stream()
                .skip(Math.max(0, dates.size() - COLUMNS))
                .toList();
        var table = new NativeTable();
        table.addClassName("checkin-history-table");
        table.setCaptionText("Agreed outcome per competency at each check-in");
        var head = table.getHead().addRow();
        head.addHeaderCell().setText("Competency");
        for (var c : columns) {
            head.addHeaderCell().setText(Formats.date(c.getKey()));
        }
        head.addHeaderCell().setText("Trend");
        var body = table.getBody();
        for (var h : history) {
            var row = body.addRow();
            row.addHeaderCell().setText(h.competencyName());
            Map<Long, CompetencyHistory.Point> byCheckIn = new java.util.HashMap<>();
            h.points().forEach(p -> byCheckIn.put(p.checkInId(), p));
            for (var c : columns) {
                var point = byCheckIn.get(c.getValue());
                var cell = row.addDataCell();
                if (point == null) {
                    cell.setText("—");
                } else {
                    cell.add(StageBadges.rating(point.outcome()));
                }
            }
            var spark = new Svg(Sparkline.svg(h));
            row.addDataCell().add(spark);
        }
        var scroll = new Div(table);
        scroll.addClassName("checkin-history-scroll");
        card.add(scroll);
        return card;
    }
}
