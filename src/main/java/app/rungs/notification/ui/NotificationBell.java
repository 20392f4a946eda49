package app.rungs.notification.ui;

import app.rungs.notification.service.NotificationItem;
import app.rungs.notification.service.NotificationService;
import app.rungs.security.service.CurrentUser;
import app.rungs.security.service.RungsUser;
import app.rungs.shared.ui.Formats;
import app.rungs.shared.ui.Keyboard;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;
import com.vaadin.flow.component.popover.PopoverVariant;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;

/**
 * The bell in the header: the number of unread notifications, and a popover with the latest ones. Clicking one marks
 * it read and opens what it is about.
 */
@StyleSheet("styles/promotion.css")
public class NotificationBell extends Div {

    static final int LATEST = 6;

    final Button button = new Button(VaadinIcon.BELL.create());
    final Span count = new Span();
    final Popover popover = new Popover();
    final Div list = new Div();
    private final NotificationService notifications;
    private Registration live;

    public NotificationBell(NotificationService notifications) {
        this.notifications = notifications;
        addClassName("notification-bell");
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        button.addClassName("notification-button");
        button.setAriaLabel("Notifications");
        button.setTooltipText("Notifications");
        count.addClassName("notification-count");

        var heading = new H4("Notifications");
        var markAll = new Button("Mark all as read", e -> {
            notifications.markAllRead();
            refresh();
            fill();
        });
        markAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        var header = new Div(heading, markAll);
        header.addClassName("notification-popover-header");
        list.addClassName("notification-list");
        var all = new RouterLink("See all notifications", NotificationsView.class);
        all.addClassName("notification-see-all");
        all.getElement().addEventListener("click", e -> popover.close());
        var panel = new Div(header, list, all);
        panel.addClassName("notification-panel");

        popover.setTarget(button);
        popover.setPosition(PopoverPosition.BOTTOM_END);
        popover.addThemeVariants(PopoverVariant.ARROW);
        popover.setWidth("22rem");
        popover.add(panel);
        popover.addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                fill();
            }
        });
        add(button, count, popover);
        // Accounts without a person record (such as a pure admin account) receive no notifications.
        setVisible(CurrentUser.get().map(RungsUser::personId).isPresent());
        // The shell is rebuilt on navigation: the count is read once per browser tab (UI) and then kept current by
        // live events, so moving between screens costs no query.
        var ui = UI.getCurrent();
        var known = ui == null ? null : ComponentUtil.getData(ui, UnreadCount.class);
        if (known != null) {
            show(known.value());
        } else if (isVisible()) {
            refresh();
        } else {
            show(0);
        }
    }

    /** The unread count last read in this browser tab. */
    private record UnreadCount(long value) {}

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        if (isVisible()) {
            var ui = event.getUI();
            // A notification for this person (from any instance) updates the count at once, through push.
            live = notifications.onChange(() -> ui.access(this::refresh))::remove;
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (live != null) {
            live.remove();
            live = null;
        }
        super.onDetach(event);
    }

    /** Reads the unread count again: when the bell is created, and on every change of the person's notifications. */
    public void refresh() {
        long unread = notifications.unreadCount();
        var ui = UI.getCurrent();
        if (ui != null) {
            ComponentUtil.setData(ui, UnreadCount.class, new UnreadCount(unread));
        }
        show(unread);
    }

    private void show(long unread) {
        count.setText(unread > 99 ? "99+" : String.valueOf(unread));
        count.setVisible(unread > 0);
        button.setAriaLabel(unread == 0 ? "Notifications" : "Notifications, " + unread + " unread");
        button.setTooltipText(unread == 0 ? "No unread notifications" : unread + " unread");
    }

    void fill() {
        list.removeAll();
        var latest = notifications.mine(0, LATEST);
        if (latest.isEmpty()) {
            var empty = new Div("Nothing yet. You will see decisions and requests about your work here.");
            empty.addClassName("notification-empty");
            list.add(empty);
            return;
        }
        latest.forEach(n -> list.add(entry(n)));
    }

    private Div entry(NotificationItem n) {
        var title = new Span(n.title());
        title.addClassName("notification-title");
        var when = new Span(Formats.dateTime(n.createdAt()));
        when.addClassName("notification-when");
        var entry = new Div(title);
        if (n.body() != null) {
            var body = new Span(n.body());
            body.addClassName("notification-body");
            entry.add(body);
        }
        entry.add(when);
        entry.addClassName("notification-entry");
        if (!n.read()) {
            entry.addClassName("unread");
        }
        entry.addClickListener(e -> open(n));
        Keyboard.actsAsButton(entry, null, () -> open(n));
        return entry;
    }

    void open(NotificationItem n) {
        if (!n.read()) {
            notifications.markRead(n.id());
        }
        popover.close();
        refresh();
        if (n.link() != null) {
            UI.getCurrent().navigate(n.link());
        }
    }
}
