package app.rungs.security.ui;

import app.rungs.security.domain.Role;
import app.rungs.security.service.SsoSettingsService;
import app.rungs.shared.security.AppRoles;
import app.rungs.shared.ui.Badges;
import app.rungs.shared.ui.Card;
import app.rungs.shared.ui.Confirm;
import app.rungs.shared.ui.EmptyState;
import app.rungs.shared.ui.Formats;
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
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * Admins' single sign-on screen: the configured providers (read-only: they are deployment properties), whether
 * passwords still work, the claim roles come from and which claim values grant which role. Changes apply at each
 * user's next sign-in and are audited.
 */
@Route("admin/sign-in")
@PageTitle("Sign-in & SSO")
@Menu(order = 92, icon = "vaadin:key", title = "Sign-in & SSO")
@RolesAllowed(AppRoles.ADMIN)
@StyleSheet("styles/sso.css")
public class SignInSettingsView extends Div {

    private final SsoSettingsService service;
    private final Div providers = new Div();
    private final Div passwords = new Div();
    final TextField roleClaim = new TextField("Role claim");
    final Button saveClaim = new Button("Save claim");
    final Grid<SsoSettingsService.Mapping> mappings = new Grid<>();
    final TextField claimValue = new TextField("Claim value");
    final Select<Role> role = new Select<>();
    final Button addMapping = new Button("Add mapping", VaadinIcon.PLUS.create());
    private final Div noMappings = new Div();
    private final Paragraph claimChanged = new Paragraph();
    private long version;

    public SignInSettingsView(SsoSettingsService service) {
        this.service = service;
        addClassNames("page", "sso-settings");
        var title = new H1("Sign-in & SSO");
        title.addClassName("page-title");
        var intro =
                new Paragraph("Single sign-on through OpenID Connect providers. Providers are set in the deployment's"
                        + " properties (spring.security.oauth2.client.registration.*, see docs/single-sign-on.md); accounts are"
                        + " linked by the provider's verified email, and each sign-in re-derives the account's roles from the"
                        + " role claim below.");
        intro.addClassName("muted");

        roleClaim.setId("sso-role-claim");
        roleClaim.setHelperText("The ID-token or user-info claim listing the user's groups, e.g. groups or roles.");
        roleClaim.setMaxLength(100);
        saveClaim.setId("sso-save-claim");
        saveClaim.addClickListener(e -> saveClaim());
        claimChanged.addClassName("muted");
        var claimRow = new Div(roleClaim, saveClaim);
        claimRow.addClassName("sso-claim-row");

        mappings.setId("sso-mappings");
        mappings.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        mappings.setAllRowsVisible(true);
        mappings.addColumn(SsoSettingsService.Mapping::claimValue)
                .setHeader("Claim value")
                .setFlexGrow(2);
        mappings.addComponentColumn(m -> Badges.badge(m.role().label(), null))
                .setHeader("Grants role")
                .setFlexGrow(1);
        mappings.addColumn(m -> Formats.date(m.createdAt()) + " by " + m.createdBy())
                .setHeader("Added")
                .setFlexGrow(1);
        mappings.addComponentColumn(this::removeButton).setHeader("").setFlexGrow(0);
        noMappings.add(EmptyState.of(
                "No role mappings",
                "Without mappings, single sign-on keeps each account's roles as set on the People screen. With at least"
                        + " one, the role claim decides the roles at every sign-in, and a user none of whose claim"
                        + " values is mapped is refused."));

        claimValue.setId("sso-claim-value");
        claimValue.setMaxLength(200);
        claimValue.setHelperText("Exactly as the provider sends it; case matters.");
        role.setId("sso-role");
        role.setLabel("Role");
        role.setItems(Role.values());
        role.setItemLabelGenerator(Role::label);
        role.setPlaceholder("Choose a role");
        addMapping.setId("sso-add-mapping");
        addMapping.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        addMapping.addClickListener(e -> addMapping());
        var addRow = new Div(claimValue, role, addMapping);
        addRow.addClassName("sso-add-mapping");

        add(
                title,
                intro,
                new Card("Providers", providers),
                new Card("Passwords", passwords),
                new Card("Role claim", claimRow, claimChanged),
                new Card("Role mappings", noMappings, mappings, addRow));
        refresh();
    }

    private void refresh() {
        var settings = service.settings();
        version = settings.version();
        roleClaim.setValue(settings.roleClaim());
        claimChanged.setText(
                settings.updatedAt() == null
                        ? "The default claim; not changed yet."
                        : "Changed " + Formats.dateTime(settings.updatedAt()) + " by " + settings.updatedBy() + ".");
        providers.removeAll();
        if (settings.providers().isEmpty()) {
            providers.add(EmptyState.of(
                    "Single sign-on is off",
                    "No OpenID Connect provider is configured, so everyone signs in with a password. Set the"
                            + " provider's properties and restart to turn it on (docs/single-sign-on.md)."));
        }
        for (var p : settings.providers()) {
            var name = new Span(p.name());
            name.addClassName("sso-provider-name");
            var id = Badges.muted(p.registrationId());
            var issuer = new Span(p.issuer() == null ? "no issuer URI" : p.issuer());
            issuer.addClassName("sso-provider-issuer");
            var row = new Div(name, id, issuer);
            row.addClassName("sso-provider");
            providers.add(row);
        }
        passwords.removeAll();
        passwords.add(
                new Paragraph(
                        settings.passwordLogin()
                                ? "Password sign-in is on: the sign-in page offers the providers and the password form."
                                : "Password sign-in is off: the sign-in page offers only the providers. Break-glass accounts "
                                        + String.join(", ", settings.breakGlassAccounts())
                                        + " can still sign in with a password at /login?password."),
                muted("Set with rungs.sso.password-login and rungs.sso.break-glass-accounts. Single sign-on users"
                        + " are not asked for Rungs' two-step code: their provider owns multi-factor sign-in."));
        mappings.setItems(settings.mappings());
        mappings.setVisible(!settings.mappings().isEmpty());
        noMappings.setVisible(settings.mappings().isEmpty());
    }

    private static Paragraph muted(String text) {
        var p = new Paragraph(text);
        p.addClassName("muted");
        return p;
    }

    private void saveClaim() {
        if (Toasts.attempt(() -> service.changeRoleClaim(roleClaim.getValue(), version), e -> refresh())) {
            Toasts.success("Roles now come from the \"" + roleClaim.getValue().strip() + "\" claim at next sign-in.");
            refresh();
        }
    }

    private void addMapping() {
        var value = claimValue.getValue();
        var chosen = role.getValue();
        if (Toasts.attempt(() -> service.addMapping(value, chosen))) {
            Toasts.success("\"" + value.strip() + "\" now grants " + chosen.label() + ".");
            claimValue.clear();
            role.clear();
            refresh();
        }
    }

    private Component removeButton(SsoSettingsService.Mapping mapping) {
        var remove = new Button(VaadinIcon.TRASH.create());
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.setAriaLabel("Remove mapping " + mapping.claimValue() + " → "
                + mapping.role().label());
        remove.addClickListener(e -> Confirm.askDestructive(
                "Remove mapping?",
                "Users whose only mapped value is \"" + mapping.claimValue() + "\" lose the role "
                        + mapping.role().label() + " at their next sign-in.",
                "Remove",
                () -> {
                    if (Toasts.attempt(() -> service.removeMapping(mapping.id()))) {
                        Toasts.success("Mapping removed.");
                    }
                    refresh();
                }));
        return remove;
    }

    List<SsoSettingsService.Mapping> shownMappings() {
        return mappings.getGenericDataView().getItems().toList();
    }
}
