package app.rungs.checkin.ui;

import app.rungs.checkin.domain.Rating;
import app.rungs.checkin.service.CheckInDetails;
import app.rungs.checkin.service.LinkedEvidence;
import app.rungs.checkin.service.RatingInput;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The signed-in participant's own ratings: per competency a rating, a note and evidence of the engineer. */
class RatingForm extends Div {

    final Map<String, RadioButtonGroup<Rating>> ratings = new LinkedHashMap<>();
    final Map<String, TextArea> notes = new LinkedHashMap<>();
    final Map<String, MultiSelectComboBox<LinkedEvidence>> evidence = new LinkedHashMap<>();

    RatingForm(CheckInDetails details, List<LinkedEvidence> options, boolean editable) {
        addClassName("checkin-form");
        setId("check-in-form");
        for (var item : details.items()) {
            var mine = item.mine();
            var name = new Span(item.competencyName());
            name.addClassName("checkin-competency");
            var area = new Span(item.areaName());
            area.addClassName("checkin-sub");
            var statement = new Paragraph(item.statement());
            statement.addClassName("checkin-statement");
            var rating = new RadioButtonGroup<Rating>();
            rating.setAriaLabel("Your rating of " + item.competencyName());
            rating.setItems(Rating.values());
            rating.setItemLabelGenerator(Rating::label);
            rating.setValue(mine.rating());
            rating.setReadOnly(!editable);
            rating.setId("rate-" + item.competencyKey());
            var note = new TextArea("Note");
            note.setWidthFull();
            note.setMaxLength(2000);
            note.setValue(mine.note() == null ? "" : mine.note());
            note.setReadOnly(!editable);
            note.setId("note-" + item.competencyKey());
            var linked = new MultiSelectComboBox<LinkedEvidence>("Evidence");
            var items = new java.util.ArrayList<>(options);
            // Items linked earlier stay selectable even if no longer in the newest page of options.
            mine.evidence().stream().filter(e -> !items.contains(e)).forEach(items::add);
            linked.setItems(items);
            linked.setItemLabelGenerator(e -> Objects.requireNonNullElse(e.title(), "Evidence #" + e.id()));
            linked.setValue(new java.util.LinkedHashSet<>(mine.evidence()));
            linked.setReadOnly(!editable);
            linked.setWidthFull();
            linked.setId("evidence-" + item.competencyKey());
            ratings.put(item.competencyKey(), rating);
            notes.put(item.competencyKey(), note);
            evidence.put(item.competencyKey(), linked);
            var head = new Div(name, area);
            head.addClassName("checkin-item-head");
            var fields = new Div(note, linked);
            fields.addClassName("checkin-item-fields");
            var box = new Div(head, statement, rating, fields);
            box.addClassName("checkin-item");
            box.getElement().setAttribute("data-competency", item.competencyKey());
            add(box);
        }
    }

    Map<String, RatingInput> values() {
        var result = new LinkedHashMap<String, RatingInput>();
        for (var key : ratings.keySet()) {
            result.put(
                    key,
                    new RatingInput(
                            ratings.get(key).getValue(),
                            notes.get(key).getValue(),
                            evidence.get(key).getValue().stream()
                                    .map(LinkedEvidence::id)
                                    .toList()));
        }
        return result;
    }
}
