package app.rungs.notification.ui;

import app.rungs.notification.service.EmailAdmin;
import app.rungs.notification.service.EmailAdmin.FailedEmail;
import app.rungs.notification.service.EmailAdmin.OutboxStatus;
import app.rungs.shared.security.AppRoles;
import app.rungs.shared.ui.Badges;
import app.rungs.shared.ui.Card;
import app.rungs.shared.ui.Formats;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;

/**
 * Admin screen of the email channel: whether it is configured, the outbox per status, failed messages with their
 * error and a retry, and a test email to check the SMTP settings.
 */
@Route("admin/email")
@PageTitle("Email")
@Menu(order = 96, icon = "vaadin:envelope", title = "Email")
@RolesAllowed(AppRoles.ADMIN)
public class EmailAdminView extends Div {

    final Grid<FailedEmail> failed = new Grid<>();
    final EmailField testAddress = new EmailField();
    final Button sendTest = new Button("Send test email", VaadinIcon.ENVELOPE_O.create());
    final Button retryAll = new Button("Retry all failed", VaadinIcon.REFRESH.create());
    private final Div summary = new Div();
    private final EmailAdmin admin;

    public EmailAdminView(EmailAdmin admin) {
        this.admin = admin;
        addClassNames("page", "page-full");
        var title = new H1("Email");
        title.addClassName("page-title");

        testAddress.setLabel("Send a test email to");
        testAddress.setPlaceholder("name@example.com");
        testAddress.setClearButtonVisible(true);
        testAddress.setMinWidth("18rem");
        sendTest.setId("send-test-email");
        sendTest.addClickListener(e -> {
            if (Toasts.attempt(() -> admin.sendTest(testAddress.getValue()))) {
                Toasts.success("Test email sent to " + testAddress.getValue().strip());
            }
        });
        var test = new Div(testAddress, sendTest);
        test.getStyle()
                .set("display", "flex")
                .set("align-items", "baseline")
                .set("gap", "var(--lumo-space-m)")
                .set("flex-wrap", "wrap");

        failed.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        failed.setId("failed-emails");
        failed.addColumn(f -> Formats.dateTime(f.createdAt()))
                .setHeader("Queued")
                .setWidth("11rem")
                .setFlexGrow(0);
        failed.addColumn(FailedEmail::recipient)
                .setHeader("To")
                .setWidth("12rem")
                .setFlexGrow(0);
        failed.addColumn(FailedEmail::subject).setHeader("Subject").setFlexGrow(1);
        failed.addColumn(FailedEmail::attempts)
                .setHeader("Attempts")
                .setWidth("6rem")
                .setFlexGrow(0);
        failed.addColumn(FailedEmail::error).setHeader("Last error").setFlexGrow(2);
        failed.addColumn(new ComponentRenderer<>(f -> {
                    var retry = new Button("Retry", e -> {
                        if (Toasts.attempt(() -> admin.retry(f.id()))) {
                            Toasts.success("Queued again: " + f.subject());
                        }
                        refresh();
                    });
                    retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
                    retry.setAriaLabel("Retry " + f.subject());
                    return retry;
                }))
                .setHeader("")
                .setWidth("7rem")
                .setFlexGrow(0);
        failed.setItems(query -> admin.failed(query.getOffset(), query.getLimit()).stream(), query ->
                (int) Math.min(Integer.MAX_VALUE, admin.countFailed()));
        failed.setEmptyStateText("No failed emails.");
        failed.setHeight("24rem");
        retryAll.addClickListener(e -> {
            int n = admin.retryAllFailed();
            Toasts.success(n == 0 ? "Nothing to retry" : "Queued " + n + " failed emails again");
            refresh();
        });
        var refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), e -> refresh());
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var failedActions = new Div(retryAll, refresh);
        failedActions.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)");

        add(title, summary, new Card("Test", test), new Card("Failed emails", failedActions, failed));
        refresh();
    }

    private void refresh() {
        var status = admin.status();
        summary.removeAll();
        if (!status.configured()) {
            summary.add(new Card(
                    "Email is off",
                    new Paragraph("Set spring.mail.host (and port, username, password) to send notifications and"
                            + " reminders by email; see README, \"Email\". Until then everything stays in the app."),
                    Badges.badge("Not configured", "contrast")));
        } else {
            summary.add(new Card(
                    "Outbox",
                    new Paragraph("Sending as " + status.from() + "; links point to " + status.baseUrl() + "."),
                    counts(status)));
        }
        sendTest.setEnabled(status.configured());
        failed.getDataProvider().refreshAll();
    }

    private static Div counts(EmailAdmin.EmailStatus status) {
        var row = new Div();
        row.addClassName("stats");
        row.getStyle().set("display", "flex").set("gap", "var(--lumo-space-xl)").set("flex-wrap", "wrap");
        for (var s : OutboxStatus.values()) {
            var stat = Card.stat(label(s), status.counts().get(s));
            stat.setId("outbox-" + s.name().toLowerCase(Locale.ROOT));
            row.add(stat);
        }
        return row;
    }

    private static String label(OutboxStatus status) {
        return switch (status) {
            case PENDING -> "Waiting";
            case SENDING -> "Sending";
            case SENT -> "Sent";
            case FAILED -> "Failed";
            case SKIPPED -> "Skipped (no address)";
        };
    }
}
