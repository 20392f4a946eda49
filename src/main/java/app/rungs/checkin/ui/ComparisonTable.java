package app.rungs.checkin.ui;

import app.rungs.checkin.domain.CheckInStatus;
import app.rungs.checkin.domain.Rating;
import app.rungs.checkin.domain.Side;
import app.rungs.checkin.service.CheckInDetails;
import app.rungs.checkin.service.LinkedEvidence;
import app.rungs.checkin.service.OutcomeInput;
import app.rungs.checkin.service.SideRating;
import app.rungs.shared.ui.Badges;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Both sides' ratings side by side, disagreements highlighted, and the agreed outcome per competency: chosen by the
 * manager while the check-in is ready to compare (preset to the ratings where both agree), shown once agreed.
 */
class ComparisonTable extends Div {

    final Map<String, Select<Rating>> outcomes = new LinkedHashMap<>();
    final Map<String, TextField> outcomeNotes = new LinkedHashMap<>();

    ComparisonTable(CheckInDetails d) {
        setId("check-in-comparison");
        addClassName("checkin-comparison");
        boolean choosing = d.status() == CheckInStatus.READY_TO_COMPARE && d.mySide() == Side.MANAGER;
        var table = new NativeTable();
        table.addClassName("checkin-compare-table");
        table.setCaptionText("Ratings side by side");
        var head = table.getHead().addRow();
        head.addHeaderCell().setText("Competency");
        head.addHeaderCell().setText(d.engineerName() + " (engineer)");
        head.addHeaderCell().setText(d.managerName() + " (manager)");
        head.addHeaderCell().setText("Agreed outcome");
        var body = table.getBody();
        for (var item : d.items()) {
            var row = body.addRow();
            row.getElement().setAttribute("data-competency", item.competencyKey());
            var name = new Span(item.competencyName());
            name.addClassName("checkin-competency");
            var area = new Span(item.areaName());
            area.addClassName("checkin-sub");
            var nameCell = row.addHeaderCell();
            nameCell.add(name, area);
            if (item.disagree()) {
                row.addClassName("disagree");
                var apart = item.mine().rating().distance(item.theirs().rating());
                var flag = Badges.badge(apart == 1 ? "1 step apart" : apart + " steps apart", "warning");
                flag.addClassName("checkin-apart");
                nameCell.add(flag);
            }
            row.addDataCell().add(side(item.engineer(d.mySide())));
            row.addDataCell().add(side(item.manager(d.mySide())));
            var outcomeCell = row.addDataCell();
            if (choosing) {
                var select = new Select<Rating>();
                select.setItems(Rating.values());
                select.setItemLabelGenerator(Rating::label);
                select.setAriaLabel("Agreed outcome of " + item.competencyName());
                select.setPlaceholder("Choose");
                select.setId("outcome-" + item.competencyKey());
                if (!item.disagree() && item.mine().rating() != null) {
                    select.setValue(item.mine().rating());
                }
                var note = new TextField();
                note.setAriaLabel("Note on the outcome of " + item.competencyName());
                note.setPlaceholder("Note (optional)");
                note.setMaxLength(2000);
                note.setId("outcome-note-" + item.competencyKey());
                outcomes.put(item.competencyKey(), select);
                outcomeNotes.put(item.competencyKey(), note);
                outcomeCell.add(select, note);
            } else if (item.outcome() != null) {
                outcomeCell.add(StageBadges.rating(item.outcome()));
                if (item.outcomeNote() != null) {
                    var note = new Span(item.outcomeNote());
                    note.addClassName("checkin-note");
                    outcomeCell.add(note);
                }
            } else {
                outcomeCell.add(Badges.muted("To agree"));
            }
        }
        var scroll = new Div(table);
        scroll.addClassName("checkin-compare-scroll");
        add(scroll);
    }

    private static Component side(SideRating r) {
        var box = new Div(StageBadges.rating(r.rating()));
        box.addClassName("checkin-side");
        if (r.note() != null) {
            var note = new Span(r.note());
            note.addClassName("checkin-note");
            box.add(note);
        }
        if (!r.evidence().isEmpty()) {
            var ev = new Span("Evidence: "
                    + r.evidence().stream().map(LinkedEvidence::title).collect(Collectors.joining(" · ")));
            ev.addClassName("checkin-sub");
            box.add(ev);
        }
        return box;
    }

    Map<String, OutcomeInput> values() {
        var result = new LinkedHashMap<String, OutcomeInput>();
        outcomes.forEach((key, select) -> result.put(
                key, new OutcomeInput(select.getValue(), outcomeNotes.get(key).getValue())));
        return result;
    }
}
