package app.rungs.tokens.ui;

import app.rungs.security.service.ApiTokenService;
import app.rungs.security.service.CreatedApiToken;
import app.rungs.shared.service.ValidationException;
import app.rungs.shared.ui.EmptyState;
import app.rungs.shared.ui.Formats;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;

/**
 * Creates an API token for the signed-in user: name and last valid day, then the secret, shown once with a copy
 * button. Closing the dialog forgets the secret; only its hash is stored.
 */
class NewApiTokenDialog extends Dialog {

    final TextField name = new TextField("Name");
    final DatePicker lastDay = Formats.localize(new DatePicker("Valid through"));
    final Button create = new Button("Create token");
    final Div problems = new Div();
    TextField secret;

    NewApiTokenDialog(ApiTokenService tokens, Consumer<CreatedApiToken> created) {
        setHeaderTitle("New API token");
        setWidth("min(44rem, 95vw)");
        var today = Formats.today();
        name.setId("api-token-name");
        name.setWidthFull();
        name.setMaxLength(ApiTokenService.MAX_NAME_LENGTH);
        name.setHelperText("What will use it, e.g. \"Quarterly report script\"");
        lastDay.setId("api-token-last-day");
        lastDay.setMin(today);
        lastDay.setMax(today.plusDays(ApiTokenService.MAX_DAYS));
        lastDay.setValue(today.plusDays(90));
        lastDay.setHelperText("At most one year. The token stops working after this day.");
        var intro = new Paragraph("The token acts as you, with your roles: it reads what you may read and logs"
                + " evidence drafts in your name. Treat it like a password.");
        intro.addClassName("muted");
        add(intro, problems, name, lastDay);
        create.setId("api-token-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> {
            try {
                var token = tokens.create(name.getValue(), lastDay.getValue(), Formats.zone());
                created.accept(token);
                showSecret(token);
            } catch (ValidationException ex) {
                problems.removeAll();
                problems.add(EmptyState.problems(ex.problems()));
            }
        });
        getFooter().add(new Button("Cancel", e -> close()), create);
    }

    private void showSecret(CreatedApiToken token) {
        removeAll();
        getFooter().removeAll();
        setHeaderTitle("Copy your new token");
        secret = new TextField("API token \"" + token.token().name() + "\"");
        secret.setId("api-token-secret");
        secret.setValue(token.secret());
        secret.setReadOnly(true);
        secret.setWidthFull();
        var copy = new Button("Copy", VaadinIcon.COPY_O.create());
        copy.setId("api-token-copy");
        copy.addClickListener(e -> copy.getElement()
                .executeJs(
                        "navigator.clipboard.writeText($0).then(() => this.textContent = 'Copied')", token.secret()));
        var warning = new Paragraph("This is the only time the token is shown. Rungs keeps only a fingerprint of it:"
                + " if you lose it, revoke it and create a new one.");
        warning.addClassName("api-token-warning");
        var usage = new Paragraph(
                "Use it as: Authorization: Bearer " + token.token().hint() + "…");
        usage.addClassName("muted");
        add(warning, row(secret, copy), usage);
        var done = new Button("Done", e -> close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        done.setId("api-token-done");
        getFooter().add(done);
    }

    private static Component row(Component field, Component button) {
        var box = new Div(field, button);
        box.addClassName("api-token-secret-row");
        return box;
    }
}
