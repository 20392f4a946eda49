package app.rungs.privacy.ui;

import app.rungs.privacy.service.ErasurePreview;
import app.rungs.privacy.service.ErasureService;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import app.rungs.shared.ui.Formats;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;

/**
 * Confirms the GDPR erasure of a person who has left: lists what is removed and what stays, and only erases after an
 * explicit acknowledgement that it cannot be undone. Refusals (still active, already erased) show in the dialog.
 */
public class ErasureDialog extends Dialog {

    final Paragraph error = new Paragraph();
    final Checkbox understood = new Checkbox("I understand this cannot be undone");
    final Button confirm = new Button("Erase personal data");

    public ErasureDialog(ErasureService erasure, Long personId, Runnable onErased) {
        addClassName("people-dialog");
        var preview = erasure.preview(personId);
        setHeaderTitle("Erase the personal data of " + preview.fullName() + "?");
        error.addClassName("import-problems");
        error.setVisible(false);
        add(intro(preview), removed(preview), kept(preview), understood, error);
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.setEnabled(false);
        understood.addValueChangeListener(e -> confirm.setEnabled(e.getValue() && preview.refusal() == null));
        if (preview.refusal() != null) {
            showError(preview.refusal());
            understood.setEnabled(false);
        }
        confirm.addClickListener(e -> {
            try {
                var result = erasure.erase(personId);
                Toasts.success("Personal data erased. " + preview.fullName() + " is now " + result.pseudonym() + "; "
                        + result.auditEventsRedacted() + " audit events redacted, chain intact.");
                close();
                onErased.run();
            } catch (ValidationException | NotFoundException ex) {
                showError(ex.getMessage());
            }
        });
        getFooter().add(new Button("Cancel", e -> close()), confirm);
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    private static Paragraph intro(ErasurePreview p) {
        var text = new Paragraph("GDPR Art. 17: " + p.fullName()
                + (p.leftDate() == null ? " has left" : " left on " + Formats.date(p.leftDate()))
                + ". Their identity is replaced by \"" + p.pseudonym() + "\" everywhere, in one step.");
        text.addClassName("dialog-hint");
        return text;
    }

    private static UnorderedList removed(ErasurePreview p) {
        var list = new UnorderedList(
                new ListItem("Name, email and job title"),
                new ListItem(p.hasAccount() ? "Their sign-in account" : "No sign-in account to remove"),
                new ListItem(p.evidenceItems() + " evidence items with " + p.attachments() + " attachments"),
                new ListItem(p.comments() + " comments they wrote (replaced by a removal note)"),
                new ListItem("Texts about them in " + p.promotionCases() + " promotion cases and "
                        + p.calibrationEntries() + " calibration entries"),
                new ListItem(p.notifications() + " notifications"),
                new ListItem("Their name and email in the audit log (pseudonymized; the audit chain stays valid)"));
        list.addClassName("erasure-removed");
        return list;
    }

    private static Paragraph kept(ErasurePreview p) {
        var text = new Paragraph("Kept without identity: level history, calibration ratings and decisions, promotion"
                + " outcomes. The erasure itself is recorded in the audit log.");
        text.addClassName("dialog-hint");
        return text;
    }
}
