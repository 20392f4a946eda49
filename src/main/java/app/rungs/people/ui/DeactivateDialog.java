package app.rungs.people.ui;

import app.rungs.people.service.PersonDetails;
import app.rungs.people.service.PersonEditingService;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.ValidationException;
import app.rungs.shared.ui.Formats;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import java.time.LocalDate;

/** Marks someone as having left: account disabled, sessions ended, history kept. */
class DeactivateDialog extends Dialog {

    final DatePicker leftOn = Formats.localize(new DatePicker("Last day"));
    final Paragraph error = new Paragraph();
    final Button confirm = new Button("Deactivate");

    DeactivateDialog(PersonEditingService editing, PersonDetails person, Runnable onSaved) {
        addClassName("people-dialog");
        setHeaderTitle("Deactivate " + person.fullName() + "?");
        var text = new Paragraph(person.fullName()
                + "'s account is disabled and any open session ends now. Their level history and records stay"
                + " and can be read by admins; you can reactivate them later.");
        text.addClassName("dialog-hint");
        leftOn.setValue(LocalDate.now());
        error.addClassName("import-problems");
        error.setVisible(false);
        add(text, leftOn, error);
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.addClickListener(e -> {
            try {
                editing.deactivate(person.id(), person.version(), leftOn.getValue());
                Toasts.success(person.fullName() + " is deactivated.");
                close();
                onSaved.run();
            } catch (ValidationException | ConcurrentEditException ex) {
                error.setText(ex.getMessage());
                error.setVisible(true);
            }
        });
        getFooter().add(new Button("Cancel", e -> close()), confirm);
    }
}
