package app.rungs.tokens.ui;

import app.rungs.security.service.ApiTokenRow;
import app.rungs.security.service.ApiTokenSecrets;
import app.rungs.security.service.ApiTokenService;
import app.rungs.shared.ui.Badges;
import app.rungs.shared.ui.Confirm;
import app.rungs.shared.ui.Formats;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.data.renderer.ComponentRenderer;

/**
 * "API tokens" on the signed-in user's own profile: their tokens with last use, a new token (secret shown once) and
 * revoking. Every change goes through {@link ApiTokenService}, which audits it.
 */
@StyleSheet("styles/tokens.css")
public class ApiTokensSection extends Div {

    final Grid<ApiTokenRow> grid = new Grid<>();
    final Button newToken = new Button("New token", VaadinIcon.PLUS.create());
    private final ApiTokenService tokens;

    public ApiTokensSection(ApiTokenService tokens) {
        this.tokens = tokens;
        addClassName("api-tokens-section");
        setId("api-tokens-section");
        var title = new H2("API tokens");
        var intro = new Paragraph();
        intro.add(new Span("Scripts and tools use a token to call the Rungs REST API as you, seeing exactly what you"
                + " see. The API is described at "));
        intro.add(new Anchor("/v3/api-docs", "/v3/api-docs"));
        intro.add(new Span(". Revoke a token as soon as you no longer need it."));
        intro.addClassName("muted");
        newToken.setId("api-token-new");
        newToken.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        newToken.addClickListener(e -> new NewApiTokenDialog(tokens, created -> refresh()).open());
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        grid.setAllRowsVisible(true);
        grid.addColumn(ApiTokenRow::name).setHeader("Name").setFlexGrow(1);
        addTokenColumns(grid);
        grid.addColumn(new ComponentRenderer<>(this::revokeButton))
                .setHeader("")
                .setWidth("7rem")
                .setFlexGrow(0);
        grid.setEmptyStateText("No tokens yet.");
        var header = new Div(title, newToken);
        header.addClassName("api-tokens-header");
        add(header, intro, grid);
        refresh();
    }

    void refresh() {
        grid.setItems(tokens.mine());
    }

    /** The columns both token grids show (the user's own and the admin's): prefix, dates, last use and status. */
    static void addTokenColumns(Grid<ApiTokenRow> grid) {
        grid.addColumn(ApiTokensSection::hint)
                .setHeader("Starts with")
                .setWidth("11rem")
                .setFlexGrow(0);
        grid.addColumn(r -> Formats.date(r.createdAt()))
                .setHeader("Created")
                .setWidth("8rem")
                .setFlexGrow(0);
        grid.addColumn(r -> Formats.date(r.expiresAt()))
                .setHeader("Expires")
                .setWidth("8rem")
                .setFlexGrow(0);
        grid.addColumn(ApiTokensSection::lastUsed)
                .setHeader("Last used")
                .setWidth("11rem")
                .setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(ApiTokensSection::status))
                .setHeader("Status")
                .setWidth("7rem")
                .setFlexGrow(0);
    }

    /** The token's first characters, as the user sees them in their script's configuration. */
    static String hint(ApiTokenRow r) {
        return ApiTokenSecrets.PREFIX + r.hint() + "…";
    }

    static String lastUsed(ApiTokenRow r) {
        return r.lastUsedAt() == null ? "Never" : Formats.dateTime(r.lastUsedAt());
    }

    static Component status(ApiTokenRow r) {
        return Badges.badge(
                r.status().label(),
                switch (r.status()) {
                    case ACTIVE -> "success";
                    case EXPIRED -> "contrast";
                    case REVOKED -> "error";
                });
    }

    private Component revokeButton(ApiTokenRow r) {
        if (r.status() != ApiTokenRow.Status.ACTIVE) {
            return new Span();
        }
        var revoke = new Button(
                "Revoke",
                e -> Confirm.askDestructive(
                        "Revoke \"" + r.name() + "\"?",
                        "Scripts using this token stop working at once. This cannot be undone.",
                        "Revoke",
                        () -> {
                            if (Toasts.attempt(() -> tokens.revoke(r.id()))) {
                                Toasts.success("Token \"" + r.name() + "\" revoked");
                                refresh();
                            }
                        }));
        revoke.setId("api-token-revoke-" + r.id());
        revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return revoke;
    }
}
