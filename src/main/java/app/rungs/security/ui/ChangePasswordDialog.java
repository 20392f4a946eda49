package app.rungs.security.ui;

import app.rungs.security.service.AccountService;
import app.rungs.security.service.PasswordPolicy;
import app.rungs.shared.service.ValidationException;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.server.VaadinSession;

/** The signed-in user changes their own password; their other sessions are signed out. */
public class ChangePasswordDialog extends Dialog {

    public ChangePasswordDialog(AccountService accounts) {
        setHeaderTitle("Change password");
        addClassName("change-password-dialog");
        var current = new PasswordField("Current password");
        current.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.CURRENT_PASSWORD);
        var next = new PasswordField("New password");
        next.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        next.setHelperText(PasswordPolicy.DESCRIPTION);
        next.setMaxLength(PasswordPolicy.MAX_LENGTH);
        var repeat = new PasswordField("Repeat the new password");
        repeat.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        var error = new Paragraph();
        error.addClassName("import-problems");
        error.setVisible(false);
        var note = new Paragraph("Your other open sessions will be signed out; this one stays signed in.");
        note.addClassName("dialog-hint");
        var form = new FormLayout(current, next, repeat);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(note, form, error);
        var save = new Button("Change password", e -> {
            try {
                if (!next.getValue().equals(repeat.getValue())) {
                    throw new ValidationException("The new passwords do not match.");
                }
                int ended = accounts.changeMyPassword(
                        current.getValue(),
                        next.getValue(),
                        VaadinSession.getCurrent().getSession().getId());
                Toasts.success("Password changed." + (ended == 0 ? "" : " Signed out " + ended + " other session(s)."));
                close();
            } catch (ValidationException ex) {
                error.setText(ex.getMessage());
                error.setVisible(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
