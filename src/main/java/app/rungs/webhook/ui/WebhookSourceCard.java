package app.rungs.webhook.ui;

import app.rungs.shared.ui.Badges;
import app.rungs.shared.ui.Card;
import app.rungs.shared.ui.Confirm;
import app.rungs.shared.ui.Formats;
import app.rungs.shared.ui.Toasts;
import app.rungs.webhook.domain.WebhookSource;
import app.rungs.webhook.service.WebhookSettingsService;
import app.rungs.webhook.service.WebhookSettingsView;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Locale;

/** One provider on the Webhooks screen: its URL, its secret (generate, paste, retire the previous) and mappings. */
final class WebhookSourceCard extends Card {

    private final WebhookSettingsService service;
    private final WebhookSource source;
    private final Div secretState = new Div();
    final TextArea repositories = new TextArea("Repositories");
    final TextArea users = new TextArea();
    final Button save = new Button("Save mappings");
    private WebhookSettingsView settings;

    WebhookSourceCard(WebhookSettingsService service, WebhookSettingsView settings, String baseUrl) {
        super(settings.source().label());
        this.service = service;
        this.source = settings.source();
        var id = source.path();
        setId("webhook-" + id);
        var url = new Code(baseUrl + "/api/webhooks/" + id);
        url.setId("webhook-url-" + id);
        var endpoint = new Div(new Span("Endpoint"), url);
        endpoint.addClassName("webhook-endpoint");
        var what = new Paragraph(
                source == WebhookSource.PAGERDUTY
                        ? "A Generic Webhook (v3) subscription with the event incident.resolved: each responder (assignees,"
                                + " acknowledgers and whoever resolved it) gets an incident postmortem draft."
                        : "A webhook with the \"Pull requests\" event, content type application/json: the author of a pull"
                                + " request merged into one of the repositories below gets an open-source contribution draft.");
        what.addClassName("muted");
        secretState.addClassName("webhook-secret-state");
        var generate = new Button("Generate secret", VaadinIcon.KEY.create(), e -> generate());
        generate.setId("webhook-generate-" + id);
        var paste = new Button(
                "Paste provider's secret",
                VaadinIcon.PASTE.create(),
                e -> SecretDialogs.paste(
                                source,
                                value -> Toasts.attempt(() -> {
                                    service.setSecret(source, value);
                                    Toasts.success(source.label() + " secret saved.");
                                    refresh();
                                }))
                        .open());
        paste.setId("webhook-paste-" + id);
        if (source == WebhookSource.PAGERDUTY) {
            paste.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        } else {
            generate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        var secretActions = new Div(generate, paste);
        secretActions.addClassName("webhook-actions");

        repositories.setId("webhook-repositories-" + id);
        repositories.setWidthFull();
        repositories.setPlaceholder("acme/payments-service");
        repositories.setHelperText("owner/name, one a line. Merged pull requests elsewhere are ignored.");
        repositories.setVisible(source == WebhookSource.GITHUB);
        users.setId("webhook-users-" + id);
        users.setWidthFull();
        users.setLabel(source == WebhookSource.PAGERDUTY ? "PagerDuty users" : "GitHub users");
        users.setPlaceholder(
                source == WebhookSource.PAGERDUTY
                        ? "PTUXL6G = lena.fischer@example.com"
                        : "octocat = lena.fischer@example.com");
        users.setHelperText(
                source == WebhookSource.PAGERDUTY
                        ? "PagerDuty user id = the person's email in Rungs, one a line (V3 payloads name users by id)."
                        : "GitHub login = the person's email in Rungs, one a line (pull request payloads carry no email).");
        save.setId("webhook-save-" + id);
        save.addClickListener(e -> saveMappings());
        add(endpoint, what, secretState, secretActions, repositories, users, save);
        show(settings);
    }

    private void generate() {
        Runnable run = () -> Toasts.attempt(() -> {
            var secret = service.generateSecret(source);
            SecretDialogs.showOnce(source, secret).open();
            refresh();
        });
        if (settings.hasSecret()) {
            Confirm.ask(
                    "Generate a new " + source.label() + " secret?",
                    "The current secret stays accepted as the previous one until you retire it, so deliveries keep"
                            + " working while you update " + source.label() + ".",
                    "Generate",
                    run);
        } else {
            run.run();
        }
    }

    private void saveMappings() {
        Toasts.attempt(
                () -> {
                    show(service.saveMappings(source, settings.version(), repositories.getValue(), users.getValue()));
                    Toasts.success(source.label() + " mappings saved.");
                },
                conflict -> refresh());
    }

    private void refresh() {
        service.all().stream().filter(s -> s.source() == source).findFirst().ifPresent(this::show);
    }

    private void show(WebhookSettingsView s) {
        settings = s;
        secretState.removeAll();
        if (s.hasSecret()) {
            secretState.add(
                    Badges.badge("Secret set", "success"),
                    Badges.muted("since " + Formats.dateTime(s.secretCreatedAt())));
        } else {
            secretState.add(
                    Badges.badge("No secret", "error"), Badges.muted("deliveries are refused until a secret is set"));
        }
        if (s.hasPreviousSecret()) {
            var retire = new Button(
                    "Retire previous secret",
                    e -> Confirm.askDestructive(
                            "Retire the previous " + source.label() + " secret?",
                            "Deliveries signed with it will be refused. Do this once " + source.label()
                                    + " uses the new secret.",
                            "Retire",
                            () -> Toasts.attempt(() -> {
                                service.retirePreviousSecret(source);
                                Toasts.success(
                                        "Previous " + source.label().toLowerCase(Locale.ROOT) + " secret retired.");
                                refresh();
                            })));
            retire.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            retire.setId("webhook-retire-" + source.path());
            secretState.add(Badges.badge("Previous secret still accepted", "contrast"), retire);
        }
        repositories.setValue(s.repositories());
        users.setValue(s.userEmails());
    }
}
