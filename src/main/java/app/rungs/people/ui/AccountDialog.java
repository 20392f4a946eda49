package app.rungs.people.ui;

import app.rungs.people.service.PersonDetails;
import app.rungs.security.domain.Role;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.AccountSummary;
import app.rungs.security.service.NewAccount;
import app.rungs.security.service.PasswordPolicy;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.ValidationException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.PasswordField;
import java.util.EnumSet;
import java.util.List;

/** Creates or edits the account linked to a person: roles, enabled, and a new password. */
class AccountDialog extends Dialog {

    final CheckboxGroup<Role> roles = new CheckboxGroup<>("Roles");
    final Checkbox enabled = new Checkbox("Can sign in");
    final PasswordField password = new PasswordField("New password");
    final Paragraph error = new Paragraph();

    AccountDialog(AccountService accounts, PersonDetails person, AccountSummary account, Runnable onSaved) {
        addClassName("people-dialog");
        setHeaderTitle(
                account == null ? "Create an account for " + person.fullName() : "Account of " + person.fullName());
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(Role::label);
        roles.setValue(account == null ? EnumSet.of(Role.ENGINEER) : account.roles());
        enabled.setValue(account == null || account.enabled());
        enabled.setVisible(account != null);
        password.setHelperText(
                account == null
                        ? "Optional: without one, the account cannot sign in until a password is set."
                        : "Leave empty to keep the current password. " + PasswordPolicy.DESCRIPTION);
        error.addClassName("import-problems");
        error.setVisible(false);
        var hint = new Paragraph("Username: " + (account == null ? person.email() : account.username()));
        hint.addClassName("dialog-hint");
        var form = new FormLayout(roles, enabled, password);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(hint, form, error);
        var save = new Button(account == null ? "Create account" : "Save account", e -> {
            try {
                if (account == null) {
                    if (password.isEmpty()) {
                        accounts.createWithoutPassword(List.of(
                                new NewAccount(person.email(), person.fullName(), roles.getValue(), person.id())));
                    } else {
                        accounts.create(
                                person.email(), person.fullName(), password.getValue(), roles.getValue(), person.id());
                    }
                } else {
                    // One call: the password is checked before the roles change, and a bad one changes nothing.
                    accounts.update(
                            account.id(),
                            account.version(),
                            account.displayName(),
                            roles.getValue(),
                            enabled.getValue(),
                            password.getValue());
                }
                Notification.show("Saved the account of " + person.fullName() + ".")
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                close();
                onSaved.run();
            } catch (ValidationException | ConcurrentEditException ex) {
                error.setText(ex.getMessage());
                error.setVisible(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
