package app.rungs.growth.ui;

import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.ValidationException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.function.SerializableRunnable;

/** Writes a progress note or a manager's comment on a goal. */
class NoteDialog extends Dialog {

    final TextArea text = new TextArea();
    final Paragraph error = new Paragraph();

    NoteDialog(String heading, SerializableConsumer<String> action, SerializableRunnable saved) {
        setHeaderTitle(heading);
        setWidth("min(36rem, 96vw)");
        text.setId("growth-note-text");
        text.setWidthFull();
        text.setMinHeight("8rem");
        text.setMaxLength(4000);
        text.setHelperText("Notes stay as written, in order, so the plan shows its history.");
        error.addClassName("form-error");
        error.setVisible(false);
        add(text, error);
        var save = new Button("Save", e -> {
            try {
                action.accept(text.getValue());
                close();
                saved.run();
            } catch (ValidationException | ConcurrentEditException problem) {
                error.setText(problem.getMessage());
                error.setVisible(true);
            }
        });
        save.setId("growth-note-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button("Cancel", e -> close());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        getFooter().add(cancel, save);
    }
}
