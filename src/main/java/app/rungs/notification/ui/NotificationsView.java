package app.rungs.notification.ui;

import app.rungs.notification.service.NotificationItem;
import app.rungs.notification.service.NotificationService;
import app.rungs.shared.ui.Formats;
import app.rungs.shared.ui.Keyboard;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** All of the signed-in person's notifications, newest first, loaded page by page. Opened from the bell. */
@Route("notifications")
@PageTitle("Notifications")
@PermitAll
@StyleSheet("styles/promotion.css")
public class NotificationsView extends Div {

    final Grid<NotificationItem> grid = new Grid<>();
    final Button markAll;
    private final NotificationService notifications;

    public NotificationsView(NotificationService notifications) {
        this.notifications = notifications;
        addClassNames("page", "page-full", "notifications-page");
        var title = new H1("Notifications");
        title.addClassName("page-title");
        markAll = new Button("Mark all as read", VaadinIcon.CHECK.create(), e -> {
            notifications.markAllRead();
            grid.getDataProvider().refreshAll();
            refreshBell();
        });
        markAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var spacer = new Span();
        spacer.addClassName("spacer");
        var toolbar = new Div(spacer, markAll);
        toolbar.addClassName("toolbar");

        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(new ComponentRenderer<>(NotificationsView::describe))
                .setHeader("Notification")
                .setFlexGrow(1);
        grid.addColumn(n -> Formats.dateTime(n.createdAt()))
                .setHeader("When")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setItems(query -> notifications.mine(query.getOffset(), query.getLimit()).stream(), query ->
                (int) Math.min(Integer.MAX_VALUE, notifications.countMine()));
        grid.setEmptyStateText("No notifications yet.");
        grid.addItemClickListener(e -> open(e.getItem()));
        Keyboard.openRowsOnEnter(grid, this::open);
        grid.setSizeFull();
        add(title, toolbar, grid);
    }

    private static Div describe(NotificationItem n) {
        var title = new Span(n.title());
        title.addClassName("notification-title");
        var box = new Div(title);
        if (n.body() != null) {
            var body = new Span(n.body());
            body.addClassName("notification-body");
            box.add(body);
        }
        box.addClassName("notification-entry");
        if (!n.read()) {
            box.addClassName("unread");
        }
        return box;
    }

    void open(NotificationItem n) {
        if (!n.read()) {
            notifications.markRead(n.id());
            refreshBell();
        }
        if (n.link() != null) {
            UI.getCurrent().navigate(n.link());
        } else {
            grid.getDataProvider().refreshAll();
        }
    }

    private void refreshBell() {
        findBell(UI.getCurrent()).ifPresent(NotificationBell::refresh);
    }

    private static java.util.Optional<NotificationBell> findBell(com.vaadin.flow.component.Component root) {
        if (root instanceof NotificationBell bell) {
            return java.util.Optional.of(bell);
        }
        return root.getChildren()
                .map(NotificationsView::findBell)
                .flatMap(java.util.Optional::stream)
                .findFirst();
    }
}
