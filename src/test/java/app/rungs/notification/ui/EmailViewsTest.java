package app.rungs.notification.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.notification.service.EmailCategory;
import app.rungs.notification.service.EmailPreferences;
import app.rungs.people.ui.PersonView;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.TestMailServer;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** The email screens: the "Email" tab of My profile, and the admin's Email screen. */
@IntegrationTest
class EmailViewsTest extends SpringBrowserlessTest {

    @Autowired
    EmailPreferences preferences;

    @Test
    @WithUserDetails(DemoUsers.OTHER_ENGINEER)
    void anEngineerSwitchesCalibrationEmailsOffOnTheirProfile() {
        navigate("profile", PersonView.class);
        var emailTab = $(Tab.class).all().stream()
                .filter(t -> "Email".equals(t.getLabel()))
                .findFirst()
                .orElseThrow();
        $(TabSheet.class).single().setSelectedTab(emailTab);
        var calibration = $(Checkbox.class).id("email-category-calibration");
        assertThat(calibration.getValue()).isTrue();
        assertThat(calibration.getHelperText()).contains("calibration outcome");
        try {
            test(calibration).click();
            test($(Button.class).id("save-email-settings")).click();
            assertThat(preferences.mine().choices())
                    .filteredOn(c -> c.category() == EmailCategory.CALIBRATION)
                    .singleElement()
                    .matches(c -> !c.enabled());
            assertThat(preferences.mine().choices())
                    .filteredOn(c -> c.category() == EmailCategory.PROMOTION)
                    .singleElement()
                    .matches(EmailPreferences.Choice::enabled);
        } finally {
            preferences.saveMine(Map.of(EmailCategory.CALIBRATION, true), null, null);
        }
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void anAdminSeesTheOutboxAndSendsATestEmail() {
        TestMailServer.start();
        var view = navigate(EmailAdminView.class);
        assertThat($(com.vaadin.flow.component.html.Div.class)
                        .id("outbox-failed")
                        .isVisible())
                .isTrue();
        test(view.testAddress).setValue("admin-screen-check@rungs.test");
        test(view.sendTest).click();
        assertThat(TestMailServer.receivedBy("admin-screen-check@rungs.test")).hasSize(1);
    }
}
