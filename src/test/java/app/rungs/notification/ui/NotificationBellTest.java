package app.rungs.notification.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.notification.service.NotificationService;
import app.rungs.promotion.ui.PromotionCaseView;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Div;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** The bell in the header: unread count, the latest notifications, opening one. */
@IntegrationTest
class NotificationBellTest extends SpringBrowserlessTest {

    @Autowired
    NotificationService notifications;

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void aManagerSeesTheUnreadCountAndOpeningANotificationMarksItReadAndOpensItsCase() {
        navigate(NotificationsView.class);
        var bell = $(NotificationBell.class).single();
        long unread = notifications.unreadCount();
        assertThat(unread).isPositive();
        assertThat(bell.isVisible()).isTrue();
        assertThat(bell.count.isVisible()).isTrue();
        assertThat(bell.count.getText()).isEqualTo(String.valueOf(unread));

        bell.fill();
        var entries =
                $(Div.class, bell.list).withClassName("notification-entry").all();
        assertThat(entries).isNotEmpty();
        // The newest unread notification that links somewhere (a case, a check-in, a feedback request, ...).
        var first = notifications.mine(0, NotificationBell.LATEST).stream()
                .filter(n -> !n.read() && n.link() != null)
                .findFirst()
                .orElseThrow();
        bell.open(first);
        assertThat(notifications.unreadCount()).isEqualTo(unread - 1);
        assertThat(bell.count.getText()).isEqualTo(String.valueOf(unread - 1));
        assertThat(com.vaadin
                        .flow
                        .component
                        .UI
                        .getCurrent()
                        .getInternals()
                        .getActiveViewLocation()
                        .getPath())
                .isEqualTo(first.link().replaceFirst("\\?.*$", ""));
        if (first.link().startsWith("promotions/")) {
            assertThat(getCurrentView()).isInstanceOf(PromotionCaseView.class);
        }
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void anAccountWithoutAPersonHasNoBell() {
        navigate(NotificationsView.class);
        assertThat($(NotificationBell.class).exists()).isFalse();
    }
}
