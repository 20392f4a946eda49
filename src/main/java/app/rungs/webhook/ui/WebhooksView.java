package app.rungs.webhook.ui;

import app.rungs.shared.security.AppRoles;
import app.rungs.shared.ui.Badges;
import app.rungs.shared.ui.Card;
import app.rungs.shared.ui.Formats;
import app.rungs.webhook.service.DeliveryRow;
import app.rungs.webhook.service.WebhookSettingsService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Evidence webhooks for admins: each provider's endpoint, signing secret and mappings, and the log of deliveries
 * (newest first, loaded lazily) with what became of each.
 */
@Route("admin/webhooks")
@PageTitle("Webhooks")
@Menu(order = 94, icon = "vaadin:connect", title = "Webhooks")
@RolesAllowed(AppRoles.ADMIN)
@StyleSheet("styles/webhooks.css")
public class WebhooksView extends Div {

    final Grid<DeliveryRow> deliveries = new Grid<>();

    public WebhooksView(WebhookSettingsService service) {
        addClassNames("page", "webhooks-page");
        var title = new H1("Webhooks");
        title.addClassName("page-title");
        var intro = new Paragraph("PagerDuty and GitHub send signed webhooks here; a resolved incident or a merged pull"
                + " request becomes a draft in the engineer's \"My evidence\", which they complete and submit. Drafts"
                + " count for nothing until then. People are matched by the email mapped below.");
        intro.addClassName("muted");
        var sources = new Div();
        sources.addClassName("webhook-sources");
        var base = baseUrl();
        service.all().forEach(s -> sources.add(new WebhookSourceCard(service, s, base)));

        deliveries.setId("webhook-deliveries");
        deliveries.addClassName("webhook-deliveries");
        deliveries.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        deliveries
                .addColumn(d -> Formats.dateTime(d.receivedAt()))
                .setHeader("Received")
                .setAutoWidth(true)
                .setFlexGrow(0);
        deliveries
                .addColumn(d -> d.source().label())
                .setHeader("Source")
                .setAutoWidth(true)
                .setFlexGrow(0);
        deliveries
                .addColumn(d -> d.event() == null ? "" : d.event())
                .setHeader("Event")
                .setAutoWidth(true)
                .setFlexGrow(0);
        deliveries
                .addColumn(new ComponentRenderer<>(WebhooksView::outcome))
                .setHeader("Outcome")
                .setAutoWidth(true)
                .setFlexGrow(0);
        deliveries
                .addColumn(DeliveryRow::draftsCreated)
                .setHeader("Drafts")
                .setAutoWidth(true)
                .setFlexGrow(0);
        deliveries.addColumn(DeliveryRow::message).setHeader("Message").setFlexGrow(1);
        deliveries
                .addColumn(d -> d.deliveryId() == null ? "" : d.deliveryId())
                .setHeader("Delivery id")
                .setWidth("12rem")
                .setFlexGrow(0);
        deliveries.setItems(q -> service.deliveries(q.getOffset(), q.getLimit()).stream(), q ->
                (int) Math.min(Integer.MAX_VALUE, service.countDeliveries()));
        deliveries.setEmptyStateText("No deliveries yet.");
        var reload = new Button(
                "Refresh",
                VaadinIcon.REFRESH.create(),
                e -> deliveries.getDataProvider().refreshAll());
        reload.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        reload.setId("webhook-deliveries-refresh");
        add(title, intro, sources, new Card("Deliveries", reload, deliveries));
    }

    private static Component outcome(DeliveryRow d) {
        return Badges.badge(
                d.outcome().label() + " · " + d.httpStatus(), d.outcome().badge());
    }

    private static String baseUrl() {
        if (VaadinRequest.getCurrent() instanceof VaadinServletRequest r) {
            return ServletUriComponentsBuilder.fromContextPath(r.getHttpServletRequest())
                    .build()
                    .toUriString();
        }
        return "";
    }
}
