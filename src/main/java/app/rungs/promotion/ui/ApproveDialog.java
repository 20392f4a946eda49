package app.rungs.promotion.ui;

import app.rungs.shared.ui.Formats;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** Approves a case in calibration: the date the new level takes effect and an optional note. */
class ApproveDialog extends CaseDialog {

    ApproveDialog(CaseContext ctx) {
        super(ctx, "Approve the promotion", "min(36rem, 95vw)");
        var details = ctx.details();
        var intro = new Paragraph(details.engineerName() + " moves to "
                + details.packet().targetLevelKey() + " "
                + details.packet().targetLevelTitle() + " on the effective date; the level history records it with"
                + " this case, and " + details.engineerName() + " is notified.");
        intro.addClassName("muted");
        var effective = Formats.localize(new DatePicker("Effective date"));
        effective.setValue(LocalDate.now().with(TemporalAdjusters.firstDayOfNextMonth()));
        effective.setRequiredIndicatorVisible(true);
        var note = new TextArea("Note (optional)");
        note.setWidthFull();
        note.setMaxLength(4000);
        add(intro, effective, note);
        confirmWith(
                "Approve",
                "Promotion approved",
                () -> ctx.promotions().approve(details.id(), details.version(), effective.getValue(), note.getValue()),
                ButtonVariant.LUMO_SUCCESS,
                ButtonVariant.LUMO_PRIMARY);
    }
}
