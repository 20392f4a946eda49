package app.rungs.calibration.ui;

import app.rungs.calibration.service.SessionDetails;
import app.rungs.calibration.service.SessionLifecycle;
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

/** An admin publishes a locked session: approved promotions take effect on the chosen date. */
class PublishDialog extends Dialog {

    final DatePicker effective = Formats.localize(new DatePicker("Promotions take effect on"));
    final Paragraph error = new Paragraph();

    PublishDialog(SessionLifecycle lifecycle, SessionDetails session, Runnable done) {
        setHeaderTitle("Publish " + session.name());
        setWidth("min(520px, 96vw)");
        var text = new Paragraph("Publishing applies every promotion decision (approved promotions change the"
                + " engineer's level, \"not yet\" cases are closed with your feedback) and tells each engineer their"
                + " final rating and decision. Notes stay with the committee. This cannot be undone.");
        effective.setId("publish-effective");
        effective.setValue(LocalDate.now().withDayOfMonth(1).plusMonths(1));
        error.addClassName("form-error");
        error.setVisible(false);
        add(text, effective, error);
        var publish = new Button("Publish", e -> {
            try {
                lifecycle.publish(session.id(), session.version(), effective.getValue());
                close();
                Toasts.success("Published. Engineers have been notified.");
                done.run();
            } catch (ValidationException | ConcurrentEditException problem) {
                error.setText(Toasts.message(problem));
                error.setVisible(true);
            }
        });
        publish.setId("publish-confirm");
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        var cancel = new Button("Cancel", e -> close());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        getFooter().add(cancel, publish);
    }
}
