package app.rungs.calibration.ui;

import app.rungs.calibration.service.Comparison;
import app.rungs.calibration.service.SessionDetails;
import app.rungs.shared.ui.Badges;
import app.rungs.shared.ui.Formats;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.function.Function;

/** Two to four candidates side by side: level, time in level, evidence, proposal, and their promotion packets. */
class ComparisonDialog extends Dialog {

    ComparisonDialog(Comparison comparison, SessionDetails session) {
        setId("comparison-dialog");
        setHeaderTitle("Compare " + comparison.candidates().size() + " engineers");
        setWidth("min(1100px, 98vw)");
        var table = new Div();
        table.addClassName("comparison");
        table.getStyle().set("--columns", String.valueOf(comparison.candidates().size()));
        var scale = session.scale();

        table.add(corner());
        for (var c : comparison.candidates()) {
            var name = new Span(c.entry().personName());
            name.addClassName("comparison-name");
            var sub = new Span(c.entry().teamName() == null ? "" : c.entry().teamName());
            sub.addClassName("entry-sub");
            var head = new Div(name, sub);
            head.addClassNames("comparison-cell", "comparison-head");
            table.add(head);
        }
        row(
                table,
                comparison,
                "Level",
                c -> text(c.entry().levelKey()
                        + (c.level() == null ? "" : " · " + c.level().levelTitle())));
        row(
                table,
                comparison,
                "Time in level",
                c -> text(Formats.since(c.entry().levelSince(), Formats.today())
                        + (c.entry().levelSince() == null
                                ? ""
                                : " (since " + Formats.date(c.entry().levelSince()) + ")")));
        row(
                table,
                comparison,
                "Last cycle",
                c -> c.lastCycle() == null
                        ? text("—")
                        : new Div(
                                CalibrationChips.rating(scale, c.lastCycle().rating()),
                                text(" " + c.lastCycle().cycle())));
        row(table, comparison, "Evidence coverage", c -> {
            if (c.readiness() == null) {
                return text("—");
            }
            var bar = new ProgressBar(0, 100, c.readiness().percent());
            bar.getElement()
                    .setAttribute("aria-label", "Readiness for " + c.readiness().levelKey());
            return new Div(
                    text(c.readiness().percent() + "% of " + c.readiness().levelKey() + " ("
                            + c.readiness().backed() + "/" + c.readiness().total() + " expectations)"),
                    bar);
        });
        row(table, comparison, "Proposal", c -> {
            var cell = new Div(CalibrationChips.rating(scale, c.entry().proposedRating()));
            if (c.entry().proposalRationale() != null) {
                var rationale = new Span(c.entry().proposalRationale());
                rationale.addClassName("comparison-rationale");
                cell.add(rationale);
            }
            return cell;
        });
        row(
                table,
                comparison,
                "Final rating",
                c -> CalibrationChips.rating(scale, c.entry().finalRating()));
        row(
                table,
                comparison,
                "Promotion case",
                c -> c.promotionCase() == null
                        ? text("No case")
                        : new Div(
                                text("→ " + c.promotionCase().targetLevelKey() + " "),
                                Badges.badge(
                                        c.promotionCase().status().label(),
                                        c.promotionCase().status().badge())));
        row(table, comparison, "Packet", c -> {
            if (c.packet() == null) {
                return text(c.promotionCase() == null ? "—" : "Not available");
            }
            var p = c.packet();
            var readiness = text(p.percent() + "% ready · " + p.met() + " of " + p.total() + " expectations backed");
            var missing = Badges.badge(p.missing() + " missing", p.missing() == 0 ? "success" : "warning");
            var cell = new Div(readiness, missing);
            if (p.notMet() > 0) {
                cell.add(Badges.badge(p.notMet() + " marked not met", "error"));
            }
            if (p.frozen()) {
                cell.add(Badges.badge("Frozen for calibration", ""));
            }
            return cell;
        });
        add(table);
        var close = new Button("Close", e -> close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        getFooter().add(close);
    }

    private static Div corner() {
        var corner = new Div();
        corner.addClassNames("comparison-cell", "comparison-corner");
        return corner;
    }

    private static void row(
            Div table, Comparison comparison, String label, Function<Comparison.Candidate, Component> cell) {
        var l = new Div(new Span(label));
        l.addClassNames("comparison-cell", "comparison-label");
        table.add(l);
        for (var c : comparison.candidates()) {
            var value = new Div(cell.apply(c));
            value.addClassName("comparison-cell");
            table.add(value);
        }
    }

    private static Span text(String value) {
        return new Span(value);
    }
}
