package app.rungs.webhook.ui;

import app.rungs.webhook.domain.WebhookSource;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeLabel;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import java.util.function.Predicate;

/** The two secret dialogs: a generated secret shown once, and a field to paste the provider's secret. */
final class SecretDialogs {

    private SecretDialogs() {}

    /** Shows a secret that Rungs just generated; once closed it cannot be shown again. */
    static Dialog showOnce(WebhookSource source, String secret) {
        var dialog = new Dialog();
        dialog.setId("webhook-secret-once");
        dialog.setHeaderTitle("New " + source.label() + " signing secret");
        dialog.setCloseOnOutsideClick(false);
        var code = new com.vaadin.flow.component.html.Code(secret);
        code.setId("webhook-secret-value");
        var where = source == WebhookSource.GITHUB
                ? "Paste it into the \"Secret\" field of the repository's or organization's webhook (Settings →"
                        + " Webhooks), content type application/json."
                : "PagerDuty generates its own secret for a V3 webhook subscription; use this one only where you"
                        + " can set the secret yourself.";
        var text = new Paragraph("Copy it now: Rungs shows it only this once and keeps it encrypted. " + where);
        var body = new Div(text, code);
        body.addClassName("webhook-secret-once");
        dialog.add(body);
        var done = new Button("I have copied it", e -> dialog.close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        done.setId("webhook-secret-done");
        dialog.getFooter().add(done);
        dialog.setWidth("min(36rem, 96vw)");
        return dialog;
    }

    /** Asks for the secret the provider generated; {@code save} answers whether it was accepted. */
    static Dialog paste(WebhookSource source, Predicate<String> save) {
        var dialog = new Dialog();
        dialog.setId("webhook-secret-paste");
        dialog.setHeaderTitle("Set the " + source.label() + " signing secret");
        var field = new PasswordField("Signing secret");
        field.setId("webhook-secret-field");
        field.setWidthFull();
        field.setHelperText(
                source == WebhookSource.PAGERDUTY
                        ? "Shown by PagerDuty when the webhook subscription is created (Integrations → Generic Webhooks (v3))."
                        : "The secret set on the GitHub webhook.");
        var hint = new NativeLabel("Stored encrypted; never shown again.");
        hint.addClassName("muted");
        dialog.add(field, hint);
        var cancel = new Button("Cancel", e -> dialog.close());
        var ok = new Button("Save secret", e -> {
            if (save.test(field.getValue())) {
                dialog.close();
            }
        });
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ok.setId("webhook-secret-save");
        dialog.getFooter().add(cancel, ok);
        dialog.setWidth("min(32rem, 96vw)");
        return dialog;
    }
}
