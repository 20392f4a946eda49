package app.rungs.promotion.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;

/** A dialog of the case page: a title, a form, and a footer with Cancel and the step it confirms. */
abstract class CaseDialog extends Dialog {

    final CaseContext ctx;

    CaseDialog(CaseContext ctx, String title, String width) {
        this.ctx = ctx;
        setHeaderTitle(title);
        addClassName("case-dialog");
        setWidth(width);
    }

    /** Adds the footer; the confirm button runs {@code step}, closes the dialog and reloads the page. */
    void confirmWith(String label, String doneMessage, Runnable step, ButtonVariant... variants) {
        var confirm = new Button(label, e -> {
            step.run();
            close();
            ctx.done(doneMessage);
        });
        confirm.addThemeVariants(variants);
        getFooter().add(new Button("Cancel", e -> close()), confirm);
    }
}
