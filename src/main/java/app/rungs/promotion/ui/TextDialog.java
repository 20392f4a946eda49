package app.rungs.promotion.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.function.Consumer;

/** Asks for one text (a reason, feedback, a narrative) and hands it to an action; keeps itself open on errors. */
class TextDialog extends Dialog {

    final TextArea text = new TextArea();
    final Button confirm;

    TextDialog(
            String title,
            String intro,
            String label,
            String confirmLabel,
            boolean required,
            String initial,
            Consumer<String> action) {
        setHeaderTitle(title);
        setWidth("min(40rem, 95vw)");
        addClassName("case-dialog");
        if (intro != null) {
            var p = new Paragraph(intro);
            p.addClassName("muted");
            add(p);
        }
        text.setLabel(label);
        text.setWidthFull();
        text.setMinHeight("10rem");
        text.setRequiredIndicatorVisible(required);
        text.setMaxLength(20_000);
        if (initial != null) {
            text.setValue(initial);
        }
        add(text);
        confirm = new Button(confirmLabel, e -> {
            if (required && text.getValue().isBlank()) {
                text.setInvalid(true);
                text.setErrorMessage("Please fill this in.");
                return;
            }
            action.accept(text.getValue());
            close();
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, confirm);
    }
}
