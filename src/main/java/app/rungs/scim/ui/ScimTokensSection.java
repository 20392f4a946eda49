package app.rungs.scim.ui;

import app.rungs.scim.service.ScimTokenView;
import app.rungs.scim.service.ScimTokens;
import app.rungs.shared.service.ValidationException;
import app.rungs.shared.ui.Badges;
import app.rungs.shared.ui.Confirm;
import app.rungs.shared.ui.EmptyState;
import app.rungs.shared.ui.Formats;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

/** Creating (secret shown once), listing and revoking SCIM tokens. */
class ScimTokensSection extends Div {

    private final ScimTokens tokens;
    final TextField name = new TextField("Token name");
    final Button create = new Button("Create token");
    final Grid<ScimTokenView> grid = new Grid<>(ScimTokenView.class, false);
    private final Div empty = EmptyState.of(
            "No SCIM tokens yet",
            "Create one, name it after your identity provider, and paste it there as the bearer token.");
    /** The last secret shown, for tests; it lives only in this dialog. */
    String shownSecret;

    ScimTokensSection(ScimTokens tokens) {
        this.tokens = tokens;
        name.setId("scim-token-name");
        name.setPlaceholder("e.g. Okta");
        name.setMaxLength(100);
        create.setId("scim-token-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> create());
        var form = new HorizontalLayout(name, create);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        grid.setId("scim-tokens");
        grid.addColumn(ScimTokenView::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(t -> Formats.dateTime(t.createdAt()) + " by " + t.createdBy())
                .setHeader("Created")
                .setAutoWidth(true);
        grid.addColumn(t -> t.lastUsedAt() == null ? "Never" : Formats.dateTime(t.lastUsedAt()))
                .setHeader("Last used")
                .setAutoWidth(true);
        grid.addComponentColumn(t -> t.revoked()
                        ? Badges.badge("Revoked " + Formats.date(t.revokedAt()) + " by " + t.revokedBy(), "error")
                        : Badges.badge("Active", "success"))
                .setHeader("Status")
                .setAutoWidth(true);
        grid.addComponentColumn(this::revokeButton).setHeader("").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(form, empty, grid);
        refresh();
    }

    private Button revokeButton(ScimTokenView t) {
        var revoke = new Button("Revoke");
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        revoke.setVisible(!t.revoked());
        revoke.addClickListener(e -> Confirm.askDestructive(
                "Revoke \"" + t.name() + "\"?",
                "The identity provider using this token can no longer provision anyone until it gets a new one.",
                "Revoke",
                () -> revoke(t)));
        return revoke;
    }

    void revoke(ScimTokenView t) {
        if (Toasts.attempt(() -> tokens.revoke(t.id()))) {
            Toasts.success("Revoked \"" + t.name() + "\".");
        }
        refresh();
    }

    void create() {
        try {
            var created = tokens.create(name.getValue());
            name.clear();
            name.setInvalid(false);
            shownSecret = created.secret();
            showSecret(created.token().name(), created.secret());
            refresh();
        } catch (ValidationException e) {
            name.setInvalid(true);
            name.setErrorMessage(String.join(" ", e.problems()));
        }
    }

    private void showSecret(String tokenName, String secret) {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Token \"" + tokenName + "\" created");
        var text = new Paragraph("Copy it now into your identity provider as the bearer token (\"API token\","
                + " \"Secret Token\"). Rungs keeps only a hash of it and cannot show it again.");
        var value = new TextArea();
        value.setId("scim-token-secret");
        value.setValue(secret);
        value.setReadOnly(true);
        value.setWidthFull();
        var close = new Button("I copied it", e -> dialog.close());
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(text, value);
        dialog.getFooter().add(close);
        dialog.setWidth("36em");
        dialog.open();
    }

    void refresh() {
        var all = tokens.list();
        grid.setItems(all);
        grid.setVisible(!all.isEmpty());
        empty.setVisible(all.isEmpty());
    }
}
