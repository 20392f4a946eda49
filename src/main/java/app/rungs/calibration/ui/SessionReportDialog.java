package app.rungs.calibration.ui;

import app.rungs.calibration.service.CalibrationCsv;
import app.rungs.calibration.service.ChangeLogRow;
import app.rungs.calibration.service.SessionDetails;
import app.rungs.calibration.service.SessionRecord;
import app.rungs.calibration.service.TimeReport;
import app.rungs.shared.ui.Formats;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * The session report: time spent per engineer and by team, level and manager (did some groups get far more
 * discussion?), and the change log of ratings and decisions with the reasons, exportable as CSV. It stays readable
 * after publishing, as part of the session's record.
 */
class SessionReportDialog extends Dialog {

    SessionReportDialog(SessionRecord record, SessionDetails s) {
        setHeaderTitle("Session report · " + s.name());
        setId("session-report");
        setWidth("min(64rem, 96vw)");
        var report = record.timeReport(s.id());
        var total = new Paragraph(
                "Discussed for " + AgendaPanel.duration(report.total().seconds()) + " in total, "
                        + AgendaPanel.duration(report.total().average()) + " per engineer on average ("
                        + report.total().engineers() + " engineers).");
        total.setId("report-total");
        var groups = new Div(
                group("By team", report.byTeam(), "report-by-team"),
                group("By level", report.byLevel(), "report-by-level"),
                group("By manager", report.byManager(), "report-by-manager"));
        groups.addClassName("report-groups");
        var people = lines(report.people(), "Engineer", "report-people");
        add(total, groups, new H3("Time per engineer"), people);

        var log = record.changeLog(s.id());
        var changes = new Grid<ChangeLogRow>();
        changes.setId("change-log");
        changes.addThemeVariants(GridVariant.LUMO_COMPACT);
        changes.addColumn(r -> Formats.dateTime(r.at())).setHeader("When").setAutoWidth(true);
        changes.addColumn(ChangeLogRow::actorName).setHeader("Who").setAutoWidth(true);
        changes.addColumn(ChangeLogRow::engineer).setHeader("Engineer").setAutoWidth(true);
        changes.addColumn(ChangeLogRow::field).setHeader("What").setAutoWidth(true);
        changes.addColumn(r -> (r.from() == null ? "—" : r.from()) + " → " + (r.to() == null ? "—" : r.to()))
                .setHeader("From → to")
                .setAutoWidth(true);
        changes.addColumn(r -> r.reason() == null ? "" : r.reason())
                .setHeader("Why")
                .setFlexGrow(3);
        changes.setItems(log);
        changes.setAllRowsVisible(log.size() <= 10);
        if (log.size() > 10) {
            changes.setHeight("22rem");
        }
        var title = new H3("Change log");
        add(title, changes);
        var close = new Button("Close", e -> close());
        getFooter().add(exportLink(record, s), close);
    }

    private static Component group(String title, List<TimeReport.Line> lines, String id) {
        var box = new Div(new H3(title), lines(lines, title.substring(3), id));
        box.addClassName("report-group");
        return box;
    }

    private static Grid<TimeReport.Line> lines(List<TimeReport.Line> lines, String header, String id) {
        var grid = new Grid<TimeReport.Line>();
        grid.setId(id);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(TimeReport.Line::label).setHeader(header).setFlexGrow(2);
        grid.addColumn(l -> AgendaPanel.duration(l.seconds())).setHeader("Time").setAutoWidth(true);
        if (!id.equals("report-people")) {
            grid.addColumn(l -> AgendaPanel.duration(l.average()))
                    .setHeader("Per engineer")
                    .setAutoWidth(true);
        } else {
            grid.addColumn(TimeReport.Line::team).setHeader("Team").setAutoWidth(true);
            grid.addColumn(TimeReport.Line::level).setHeader("Level").setAutoWidth(true);
            grid.addColumn(TimeReport.Line::manager).setHeader("Manager").setAutoWidth(true);
        }
        grid.setItems(lines);
        grid.setAllRowsVisible(lines.size() <= 10);
        if (lines.size() > 10) {
            grid.setHeight("20rem");
        }
        return grid;
    }

    private static Component exportLink(SessionRecord record, SessionDetails s) {
        var id = s.id();
        var fileName = CalibrationCsv.fileName(s).replaceFirst("\\.csv$", "-change-log.csv");
        var anchor = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    var bytes = record.changeLogCsv(id);
                    return new DownloadResponse(
                            new ByteArrayInputStream(bytes), fileName, "text/csv;charset=UTF-8", bytes.length);
                }),
                "");
        anchor.setTarget(AnchorTarget.BLANK);
        anchor.getElement().setAttribute("download", fileName);
        anchor.setId("export-change-log");
        var button = new Button("Export change log (CSV)", VaadinIcon.DOWNLOAD_ALT.create());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        button.setTabIndex(-1);
        anchor.add(button);
        return anchor;
    }
}
