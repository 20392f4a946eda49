package app.rungs.people.ui;

import app.rungs.ladder.service.LadderService;
import app.rungs.people.domain.AssignmentReason;
import app.rungs.people.service.LevelChangeService;
import app.rungs.people.service.LevelSelection;
import app.rungs.people.service.PersonDetails;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.ValidationException;
import app.rungs.shared.ui.Formats;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDate;
import java.util.List;

/** Changes the level of one person, or assigns one level to a selection, with effective date and reason. */
class LevelDialog extends Dialog {

    final LevelPicker picker;
    final DatePicker effective = Formats.localize(new DatePicker("Effective from"));
    final Select<AssignmentReason> reason = new Select<>();
    final TextArea note = new TextArea("Note");
    final Paragraph error = new Paragraph();
    final Button save = new Button("Save level");

    LevelDialog(
            LevelChangeService levels,
            LadderService ladders,
            List<LevelSelection> selection,
            PersonDetails person,
            Runnable onSaved) {
        addClassName("people-dialog");
        boolean bulk = person == null;
        setHeaderTitle(
                bulk
                        ? "Assign a level to " + selection.size() + (selection.size() == 1 ? " person" : " people")
                        : "Change the level of " + person.fullName());
        picker = new LevelPicker(ladders);
        effective.setId("level-dialog-effective");
        picker.level.setId("level-dialog-level");
        error.setId("level-dialog-error");
        save.setId("level-dialog-save");
        effective.setValue(LocalDate.now());
        effective.setRequiredIndicatorVisible(true);
        effective.setHelperText("A later date schedules the change: the current level stays until then.");
        if (person != null && person.startDate() != null) {
            effective.setMin(person.startDate());
        }
        reason.setLabel("Reason");
        reason.setItems(AssignmentReason.values());
        reason.setItemLabelGenerator(AssignmentReason::label);
        reason.setValue(bulk ? AssignmentReason.CORRECTION : AssignmentReason.PROMOTION);
        note.setMaxLength(1000);
        note.setPlaceholder("Why, or where it was decided (optional)");
        if (person != null) {
            picker.select(person.ladderId(), person.levelKey());
        }
        var form = new FormLayout(picker.ladder, picker.level, effective, reason, note);
        form.setColspan(note, 2);
        var hint = new Paragraph(
                "History is kept: the change is added to the level history. It cannot take effect before the start"
                        + " date or an earlier change.");
        hint.addClassName("dialog-hint");
        error.addClassName("import-problems");
        error.setVisible(false);
        add(hint, form, error);

        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            try {
                if (bulk) {
                    int n = levels.bulkChangeLevel(
                            selection,
                            picker.ladderId(),
                            picker.levelKey(),
                            effective.getValue(),
                            reason.getValue(),
                            note.getValue());
                    Toasts.success((scheduled() ? "Scheduled " : "Assigned ") + picker.levelKey() + " for " + n
                            + (n == 1 ? " person" : " people")
                            + (scheduled() ? " from " + Formats.date(effective.getValue()) : "") + ".");
                } else {
                    levels.changeLevel(
                            person.id(),
                            person.version(),
                            picker.ladderId(),
                            picker.levelKey(),
                            effective.getValue(),
                            reason.getValue(),
                            note.getValue(),
                            null);
                    Toasts.success(
                            scheduled()
                                    ? "Change scheduled: " + person.fullName() + " moves to "
                                            + picker.levelKey() + " on " + Formats.date(effective.getValue())
                                            + "."
                                    : person.fullName() + " is now at " + picker.levelKey() + ".");
                }
                close();
                onSaved.run();
            } catch (ValidationException | ConcurrentEditException ex) {
                error.setText(ex.getMessage());
                error.setVisible(true);
            }
        });
        var cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, save);
    }

    private boolean scheduled() {
        return effective.getValue() != null && effective.getValue().isAfter(LocalDate.now());
    }
}
