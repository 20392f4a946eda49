package app.rungs.tokens.ui;

import app.rungs.security.service.ApiTokenRow;
import app.rungs.security.service.ApiTokenService;
import app.rungs.shared.security.AppRoles;
import app.rungs.shared.ui.Confirm;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * Every user's API tokens for admins: who holds which, when each was last used, and revoking any of them (audited).
 * Admins without a person record have no profile page, so they create their own tokens here.
 */
@Route("admin/api-tokens")
@PageTitle("API tokens")
@Menu(order = 95, icon = "vaadin:key", title = "API tokens")
@RolesAllowed(AppRoles.ADMIN)
@StyleSheet("styles/tokens.css")
public class ApiTokensAdminView extends Div {

    final Grid<ApiTokenRow> grid = new Grid<>();
    private final ApiTokenService tokens;

    public ApiTokensAdminView(ApiTokenService tokens) {
        this.tokens = tokens;
        addClassNames("page", "page-full");
        var title = new H1("API tokens");
        title.addClassName("page-title");
        var mine = new Button("New token for me", VaadinIcon.PLUS.create());
        mine.setId("api-token-new");
        mine.addClickListener(e -> new NewApiTokenDialog(tokens, created -> refresh()).open());
        var header = new Div(title, mine);
        header.addClassName("api-tokens-header");
        var intro = new Paragraph("Each token acts as its owner with the owner's current roles: disabling an account"
                + " or removing a role applies to its tokens at once. Revoking here stops a token immediately;"
                + " creating, revoking and refused uses are in the audit log.");
        intro.addClassName("muted");

        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(r -> r.ownerName() + (r.ownerUsername() == null ? "" : " (" + r.ownerUsername() + ")"))
                .setHeader("Owner")
                .setFlexGrow(2);
        grid.addColumn(ApiTokenRow::name).setHeader("Name").setFlexGrow(2);
        ApiTokensSection.addTokenColumns(grid);
        grid.addColumn(new ComponentRenderer<>(this::revokeButton))
                .setHeader("")
                .setWidth("9rem")
                .setFlexGrow(0);
        grid.setEmptyStateText("No user has created an API token yet.");
        add(header, intro, grid);
        refresh();
    }

    void refresh() {
        grid.setItems(q -> tokens.all(q.getOffset(), q.getLimit()).stream(), q -> (int) tokens.count());
    }

    private Component revokeButton(ApiTokenRow r) {
        if (r.status() != ApiTokenRow.Status.ACTIVE) {
            return new Span(r.revokedBy() == null ? "" : "by " + r.revokedBy());
        }
        var revoke = new Button(
                "Revoke",
                e -> Confirm.askDestructive(
                        "Revoke \"" + r.name() + "\" of " + r.ownerName() + "?",
                        "Their scripts using this token stop working at once. The owner can create a new token.",
                        "Revoke",
                        () -> {
                            if (Toasts.attempt(() -> tokens.revoke(r.id()))) {
                                Toasts.success("Token \"" + r.name() + "\" of " + r.ownerName() + " revoked");
                                refresh();
                            }
                        }));
        revoke.setId("api-token-revoke-" + r.id());
        revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return revoke;
    }
}
