package app.rungs.privacy.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.people.ui.PersonView;
import app.rungs.privacy.domain.RetentionKind;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.util.AopTestUtils;

/** The "Personal data" tab of person pages and the retention screen, without a browser. */
@IntegrationTest
class PrivacyViewsTest extends SpringBrowserlessTest {

    @Autowired
    AccountService accounts;

    @Autowired
    app.rungs.privacy.service.RetentionService retention;

    private Long personOf(String username) {
        return SystemAuthentication.call(
                () -> accounts.findByUsername(username).orElseThrow().personId());
    }

    private void open(String location) {
        UI.getCurrent().navigate(location);
        roundTrip();
    }

    private java.util.List<String> tabs() {
        return $(Tab.class).all().stream().map(Tab::getLabel).toList();
    }

    /** Tab sheets attach only the selected tab's content. */
    private void select(String label) {
        var tab = $(Tab.class).all().stream()
                .filter(t -> t.getLabel().equals(label))
                .findFirst()
                .orElseThrow();
        $(TabSheet.class).first().setSelectedTab(tab);
        roundTrip();
    }

    private boolean anchor(String id) {
        return $(Anchor.class).all().stream().anyMatch(a -> a.getId().orElse("").equals(id));
    }

    @Test
    @WithUserDetails(DemoUsers.ENGINEER)
    void anEngineerDownloadsTheirOwnDataFromTheirProfileAndNobodyElses() {
        open("profile");
        assertThat(getCurrentView()).isInstanceOf(PersonView.class);
        assertThat(tabs()).contains("Personal data");
        select("Personal data");
        assertThat(anchor("download-my-data")).isTrue();
        assertThat(anchor("download-person-data-internal")).isFalse();

        open("people/" + personOf(DemoUsers.OTHER_ENGINEER));
        assertThat(getCurrentView()).isNotInstanceOf(PersonView.class);
        assertThat(anchor("download-my-data")).isFalse();
        assertThat(anchor("download-person-data")).isFalse();
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void aManagerGetsNoExportOnTheirReportsPage() {
        open("people/" + personOf(DemoUsers.ENGINEER));
        assertThat(getCurrentView()).isInstanceOf(PersonView.class);
        assertThat(tabs()).doesNotContain("Personal data");
        assertThat(anchor("download-person-data")).isFalse();
        open("admin/privacy/retention");
        assertThat(getCurrentView()).isNotInstanceOf(RetentionView.class);
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void anAdminExportsAnyonesDataFromTheirPageWithOrWithoutInternalNotes() {
        open("people/" + personOf(DemoUsers.ENGINEER));
        assertThat(tabs()).contains("Personal data");
        select("Personal data");
        assertThat(anchor("download-my-data")).isFalse();
        assertThat(anchor("download-person-data")).isTrue();
        assertThat(anchor("download-person-data-internal")).isTrue();
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void anAdminSeesARefusalForANegativePeriodAndTheLastRunAfterRunNow() {
        var view = AopTestUtils.<RetentionView>getUltimateTargetObject(navigate(RetentionView.class));
        var row = view.rows.get(RetentionKind.READ_NOTIFICATIONS);
        int before = row.keepFor.getValue();
        test(row.keepFor).setValue(-3);
        test(row.save).click();
        assertThat(row.keepFor.isInvalid()).isTrue();
        assertThat(row.keepFor.getErrorMessage()).contains("at least 1 day (got -3)");
        assertThat(retention.policies().stream()
                        .filter(p -> p.kind() == RetentionKind.READ_NOTIFICATIONS)
                        .findFirst()
                        .orElseThrow()
                        .keepFor())
                .isEqualTo(before);
        var reloaded = view;

        test(reloaded.runNow).click();
        var lines = $(Span.class, reloaded.lastRun).all().stream()
                .filter(s -> s.hasClassName("retention-result-kind"))
                .map(Span::getText)
                .toList();
        assertThat(lines)
                .containsExactly(
                        "Read notifications",
                        "Calibration board presence",
                        "Evidence attachments of people who left",
                        "People who left");
        assertThat(reloaded.lastRun.getElement().getTextRecursively()).contains("by " + DemoUsers.ADMIN);
    }
}
