package app.rungs.home;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.audit.ui.AuditLogView;
import app.rungs.home.ui.HomeView;
import app.rungs.security.ui.LoginView;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithUserDetails;

/** Who may open which screen: menus show only what a role may open, and URLs of the rest are refused. */
@IntegrationTest
class NavigationByRoleTest extends SpringBrowserlessTest {

    private List<String> menu() {
        return $(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
    }

    private void open(String location) {
        UI.getCurrent().navigate(location);
        roundTrip();
    }

    @Test
    @WithAnonymousUser
    void anAnonymousVisitorIsSentToTheLoginPage() {
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
        open("admin/audit");
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
    }

    @Test
    @WithUserDetails(DemoUsers.ENGINEER)
    void anEngineerSeesTheirHomeAndCannotOpenTheAuditLogByUrl() {
        assertThat(getCurrentView()).isInstanceOf(HomeView.class);
        assertThat(menu()).contains("Home").doesNotContain("Audit log");
        assertThat($(H1.class).first().getText()).isEqualTo("Welcome, Lena");

        open("admin/audit");
        assertThat(getCurrentView()).isNotInstanceOf(AuditLogView.class);
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void aManagerSeesTheirPeopleButNotTheAuditLog() {
        assertThat(getCurrentView()).isInstanceOf(HomeView.class);
        assertThat(menu()).doesNotContain("Audit log");
        open("admin/audit");
        assertThat(getCurrentView()).isNotInstanceOf(AuditLogView.class);
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void anAdminSeesAndOpensTheAuditLog() {
        assertThat(menu()).contains("Home", "Audit log");
        var view = navigate(AuditLogView.class);
        assertThat(view).isNotNull();
        assertThat(getCurrentView()).isInstanceOf(AuditLogView.class);
    }
}
