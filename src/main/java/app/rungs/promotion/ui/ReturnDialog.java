package app.rungs.promotion.ui;

import app.rungs.promotion.domain.CaseAction;
import app.rungs.promotion.domain.CaseStatus;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.ArrayList;

/** Returns a case for changes, to Submitted or to Draft (whichever the user may), with the reason. */
class ReturnDialog extends CaseDialog {

    ReturnDialog(CaseContext ctx) {
        super(ctx, "Return for changes", "min(36rem, 95vw)");
        var details = ctx.details();
        var to = new RadioButtonGroup<CaseStatus>("Return to");
        var targets = new ArrayList<CaseStatus>();
        if (details.can(CaseAction.RETURN_TO_SUBMITTED)) {
            targets.add(CaseStatus.SUBMITTED);
        }
        if (details.can(CaseAction.RETURN_TO_DRAFT)) {
            targets.add(CaseStatus.DRAFT);
        }
        to.setItems(targets);
        to.setItemLabelGenerator(s -> s == CaseStatus.SUBMITTED
                ? "Submitted — the manager edits and it goes back to calibration"
                : "Draft — the manager reworks and submits it again");
        to.setValue(targets.getFirst());
        var reason = new TextArea("What needs to change");
        reason.setWidthFull();
        reason.setRequiredIndicatorVisible(true);
        reason.setMaxLength(4000);
        add(to, reason);
        confirmWith(
                "Return",
                "Case returned for changes",
                () -> ctx.promotions()
                        .returnForChanges(details.id(), details.version(), to.getValue(), reason.getValue()),
                ButtonVariant.LUMO_PRIMARY);
    }
}
