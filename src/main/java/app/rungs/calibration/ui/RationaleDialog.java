package app.rungs.calibration.ui;

import app.rungs.calibration.service.RationaleRequiredException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.function.Consumer;

/**
 * Asks why a final rating differs from the proposal, after the service refused the change without a reason; saving
 * sends the change again with it. Cancelling leaves the rating as it was.
 */
class RationaleDialog extends Dialog {

    final TextArea reason = new TextArea("Rationale");

    RationaleDialog(RationaleRequiredException refused, Consumer<String> save, Runnable cancelled) {
        setHeaderTitle("Why " + refused.to() + " and not the proposed " + refused.from() + "?");
        setId("rationale-dialog");
        var message = new Paragraph(refused.getMessage());
        message.setId("rationale-message");
        reason.setId("rationale-text");
        reason.setWidthFull();
        reason.setMinHeight("8em");
        reason.setMaxLength(4_000);
        reason.setHelperText("Kept in the session's change log with your name and the time, and exported with it.");
        add(message, reason);
        var ok = new Button("Save with rationale", e -> {
            if (reason.getValue().isBlank()) {
                reason.setInvalid(true);
                reason.setErrorMessage("Write the rationale: the final rating differs from the proposal.");
                return;
            }
            close();
            save.accept(reason.getValue());
        });
        ok.setId("rationale-save");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button("Cancel", e -> {
            close();
            cancelled.run();
        });
        getFooter().add(cancel, ok);
        setWidth("min(36rem, 95vw)");
    }
}
