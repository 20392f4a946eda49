package app.rungs.calibration.ui;

import app.rungs.calibration.service.CalibrationCsv;
import app.rungs.calibration.service.OutcomeAudit;
import app.rungs.calibration.service.OutcomeAudits;
import app.rungs.calibration.service.SessionDetails;
import app.rungs.shared.security.AppRoles;
import app.rungs.shared.service.ValidationException;
import app.rungs.shared.ui.Card;
import app.rungs.shared.ui.EmptyState;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;

/**
 * The outcome audit of a locked session: one table per breakdown (team, level, tenure, manager, and demographic
 * attributes for permitted admins), suppressed groups shown as "fewer than 5" with no numbers, and the same as CSV.
 */
@Route("calibration/:id(\\d{1,18})/outcome-audit")
@RolesAllowed({AppRoles.ADMIN, AppRoles.MANAGER})
@StyleSheet("styles/calibration.css")
@StyleSheet("styles/fairness.css")
public class OutcomeAuditView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final OutcomeAudits audits;
    private String title = "Outcome audit";

    public OutcomeAuditView(OutcomeAudits audits) {
        this.audits = audits;
        addClassNames("page", "calibration-page", "outcome-audit-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        OutcomeAudit audit;
        try {
            audit = audits.audit(SessionRoute.sessionId(event));
        } catch (ValidationException notYet) {
            add(EmptyState.of("No outcome audit yet", notYet.getMessage()));
            return;
        }
        title = "Outcome audit · " + audit.session().name();
        add(new SessionHeader(audit.session(), SessionHeader.Page.OUTCOME_AUDIT));
        var intro = new Paragraph("Final ratings and promotion decisions by group. Groups of fewer than "
                + audit.minimum() + " people are suppressed, and so is one more group (or the total) wherever the"
                + " total minus the others would reveal them.");
        intro.addClassName("audit-intro");
        var bar = new Div(intro, exportLink(audit.session()));
        bar.addClassName("audit-bar");
        add(bar);
        if (audit.demographicsNote() != null) {
            var note = new Paragraph(audit.demographicsNote());
            note.setId("demographics-note");
            note.addClassName("audit-note");
            add(note);
        }
        for (var b : audit.breakdowns()) {
            var card = new Card(b.title(), table(audit, b));
            card.setId("breakdown-" + b.key());
            card.addClassName("audit-card");
            add(card);
        }
    }

    private static NativeTable table(OutcomeAudit audit, OutcomeAudit.Breakdown b) {
        var table = new NativeTable();
        table.addClassName("audit-table");
        // The card shows the title; the table carries it as its accessible name.
        table.getElement().setAttribute("aria-label", b.title());
        if (b.demographic()) {
            table.setCaptionText("Visible only to admins with the permission");
        }
        var head = table.getHead().addRow();
        head.addHeaderCell().setText("Group");
        head.addHeaderCell().setText("People");
        audit.columns().forEach(c -> head.addHeaderCell().setText(c));
        head.getHeaderCells().forEach(h -> h.getElement().setAttribute("scope", "col"));
        for (var g : b.groups()) {
            row(table.getBody().addRow(), audit, g);
        }
        var foot = table.getFoot().addRow();
        if (b.totals() != null) {
            row(foot, audit, b.totals());
        } else {
            var th = foot.addHeaderCell();
            th.setText("All");
            var td = foot.addDataCell();
            td.setText("hidden to protect a small group");
            td.getElement()
                    .setAttribute("colspan", String.valueOf(audit.columns().size() + 1));
            td.addClassName("suppressed");
        }
        return table;
    }

    private static void row(NativeTableRow row, OutcomeAudit audit, OutcomeAudit.Group g) {
        var th = row.addHeaderCell();
        th.setText(g.label());
        th.getElement().setAttribute("scope", "row");
        if (g.suppressed()) {
            row.addClassName("suppressed-row");
            var td = row.addDataCell();
            td.setText(g.suppressedAs());
            td.addClassName("suppressed");
            td.getElement()
                    .setAttribute("colspan", String.valueOf(audit.columns().size() + 1));
            return;
        }
        row.addDataCell().setText(String.valueOf(g.size()));
        g.counts().forEach(n -> row.addDataCell().setText(String.valueOf(n)));
    }

    private Component exportLink(SessionDetails s) {
        var id = s.id();
        var fileName = CalibrationCsv.fileName(s).replaceFirst("\\.csv$", "-outcome-audit.csv");
        var anchor = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    var bytes = audits.exportCsv(id);
                    return new DownloadResponse(
                            new ByteArrayInputStream(bytes), fileName, "text/csv;charset=UTF-8", bytes.length);
                }),
                "");
        anchor.setTarget(AnchorTarget.BLANK);
        anchor.getElement().setAttribute("download", fileName);
        anchor.setId("export-outcome-audit");
        var button = new Button("Export CSV", VaadinIcon.DOWNLOAD_ALT.create());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        button.setTabIndex(-1);
        anchor.add(button);
        return anchor;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
