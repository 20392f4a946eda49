package app.rungs.evidence.ui;

import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.function.Consumer;

/** Asks for the reason of a waiver step (a request, a direct mark, a decision) and runs it; stays open on errors. */
class WaiverDialog extends Dialog {

    final TextArea reason = new TextArea();
    final Button confirm;

    WaiverDialog(
            String title,
            String intro,
            String label,
            String confirmLabel,
            boolean required,
            Consumer<String> step,
            Runnable done) {
        setHeaderTitle(title);
        setWidth("min(36rem, 95vw)");
        addClassName("waiver-dialog");
        var p = new Paragraph(intro);
        p.addClassName("muted");
        reason.setLabel(label);
        reason.setWidthFull();
        reason.setMinHeight("8rem");
        reason.setMaxLength(2000);
        reason.setRequiredIndicatorVisible(required);
        reason.setId("waiver-reason");
        add(p, reason);
        confirm = new Button(confirmLabel, e -> {
            if (required && reason.getValue().isBlank()) {
                reason.setInvalid(true);
                reason.setErrorMessage("Give the reason: it is what a manager and an auditor read later.");
                return;
            }
            if (Toasts.attempt(() -> step.accept(reason.getValue()))) {
                close();
                done.run();
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setId("waiver-confirm");
        getFooter().add(new Button("Cancel", e -> close()), confirm);
    }
}
