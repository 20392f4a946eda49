package app.rungs.scim.ui;

import app.rungs.scim.service.SafetyLimits;
import app.rungs.scim.service.ScimSafetyValve;
import app.rungs.scim.service.ScimTokens;
import app.rungs.shared.security.AppRoles;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.ValidationException;
import app.rungs.shared.ui.Card;
import app.rungs.shared.ui.Formats;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Provisioning from an identity provider (SCIM 2.0): the endpoint URL, the bearer tokens, the deactivations the
 * safety valve held for an admin, and the valve's limits.
 */
@Route("admin/scim")
@PageTitle("Provisioning (SCIM)")
@Menu(order = 93, icon = "vaadin:cluster", title = "Provisioning (SCIM)")
@RolesAllowed(AppRoles.ADMIN)
public class ScimSettingsView extends Div {

    private final ScimSafetyValve valve;
    final ScimTokensSection tokens;
    final HeldDeactivationsSection held;
    final IntegerField maxShare = new IntegerField("Max. share of active people an hour");
    final IntegerField maxPerHour = new IntegerField("Max. people an hour");
    final Button saveLimits = new Button("Save limits");
    private final Span limitsChanged = new Span();
    private SafetyLimits limits;

    public ScimSettingsView(ScimTokens tokenService, ScimSafetyValve valve) {
        this.valve = valve;
        addClassName("page");
        setId("scim-settings");
        var title = new H1("Provisioning (SCIM)");
        title.addClassName("page-title");
        var intro = new Paragraph("Your identity provider (Okta, Microsoft Entra ID, OneLogin…) creates, updates and"
                + " deactivates people here through SCIM 2.0. userName is the work email; department becomes the team,"
                + " title the job title, manager the manager; the groups Admin, Manager and Engineer are the roles."
                + " Nobody is ever deleted: a deletion deactivates, and the person's history stays.");
        intro.addClassName("muted");
        var url = new Code(endpoint());
        url.setId("scim-endpoint");
        var endpoint = new Paragraph(new Span("SCIM base URL: "), url);
        tokens = new ScimTokensSection(tokenService);
        held = new HeldDeactivationsSection(valve);
        add(
                title,
                intro,
                endpoint,
                new Card("Tokens", tokens),
                new Card("Held deactivations", held),
                new Card("Safety valve", limitsForm()));
    }

    private Div limitsForm() {
        var text = new Paragraph("A sync that would deactivate many people at once (a group removed from the app by"
                + " mistake, a wrong assignment) is held: deactivations beyond either limit within an hour are not"
                + " applied, the identity provider is told so and retries later, and they wait above for you to"
                + " confirm or reject.");
        text.addClassName("muted");
        maxShare.setId("scim-max-share");
        maxShare.setSuffixComponent(new Span("%"));
        maxShare.setMin(1);
        maxShare.setMax(100);
        maxShare.setStepButtonsVisible(true);
        maxShare.setWidth("19em");
        maxPerHour.setId("scim-max-per-hour");
        maxPerHour.setMin(1);
        maxPerHour.setStepButtonsVisible(true);
        maxPerHour.setWidth("11em");
        saveLimits.setId("scim-save-limits");
        saveLimits.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveLimits.addClickListener(e -> saveLimits());
        limitsChanged.addClassName("muted");
        var fields = new HorizontalLayout(maxShare, maxPerHour, saveLimits);
        fields.setAlignItems(FlexComponent.Alignment.BASELINE);
        fields.setWrap(true);
        showLimits(valve.limits());
        return new Div(text, fields, limitsChanged);
    }

    private void showLimits(SafetyLimits l) {
        limits = l;
        maxShare.setValue(l.maxSharePercent());
        maxPerHour.setValue(l.maxPerHour());
        maxShare.setInvalid(false);
        maxPerHour.setInvalid(false);
        limitsChanged.setText(
                l.updatedBy() == null
                        ? "Default limits."
                        : "Changed by " + l.updatedBy() + " on " + Formats.dateTime(l.updatedAt()) + ".");
    }

    void saveLimits() {
        if (maxShare.getValue() == null || maxPerHour.getValue() == null) {
            Toasts.error("Enter both limits as whole numbers.");
            return;
        }
        try {
            valve.changeLimits(limits.version(), maxShare.getValue(), maxPerHour.getValue());
            showLimits(valve.limits());
            Toasts.success("Safety limits saved.");
        } catch (ValidationException | ConcurrentEditException e) {
            Toasts.error(Toasts.message(e));
            if (e instanceof ConcurrentEditException) {
                showLimits(valve.limits());
            }
        }
    }

    private static String endpoint() {
        var request = VaadinServletRequest.getCurrent();
        if (request == null) {
            return "/scim/v2";
        }
        return ServletUriComponentsBuilder.fromContextPath(request.getHttpServletRequest())
                .path("/scim/v2")
                .toUriString();
    }
}
