package app.rungs.people.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.evidence.ui.PersonEvidencePanel;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.tabs.Tab;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** A manager works from a report's person page: evidence, coverage, promotion cases and calibration outcomes. */
@IntegrationTest
class AManagersPersonPageIsTheHubTest extends SpringBrowserlessTest {

    @Autowired
    AccountService accounts;

    private PersonView open(String username) {
        var id = SystemAuthentication.call(
                () -> accounts.findByUsername(username).orElseThrow().personId());
        UI.getCurrent().navigate("people/" + id);
        roundTrip();
        return (PersonView) PeopleViewsTest.target(getCurrentView());
    }

    private String tabText(PersonView page, String label) {
        var tab = $(Tab.class).all().stream()
                .filter(t -> t.getLabel().startsWith(label))
                .findFirst()
                .orElseThrow();
        page.tabs.setSelectedTab(tab);
        return page.tabs.getComponent(tab).getElement().getTextRecursively();
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void aManagerReviewsAReportsEvidenceCoverageCasesAndOutcomesOnTheirPage() {
        var page = open(DemoUsers.ENGINEER);
        var labels = $(Tab.class).all().stream().map(Tab::getLabel).toList();
        assertThat(labels).contains("Evidence", "Coverage", "Promotion cases", "Calibration outcomes");

        var evidenceTab = $(Tab.class).all().stream()
                .filter(t -> t.getLabel().equals("Evidence"))
                .findFirst()
                .orElseThrow();
        assertThat(page.tabs.getComponent(evidenceTab)).isInstanceOf(PersonEvidencePanel.class);
        assertThat(tabText(page, "Evidence")).doesNotContain("not visible");
        assertThat(tabText(page, "Coverage")).contains("expectations backed by acknowledged evidence");
        assertThat(tabText(page, "Promotion cases")).doesNotContain("not visible");
        assertThat(tabText(page, "Calibration outcomes")).doesNotContain("not visible");
    }

    @Test
    @WithUserDetails(DemoUsers.OTHER_MANAGER)
    void anotherManagerCannotOpenThatPageAtAll() {
        var id = SystemAuthentication.call(
                () -> accounts.findByUsername(DemoUsers.ENGINEER).orElseThrow().personId());
        UI.getCurrent().navigate("people/" + id);
        roundTrip();
        assertThat(getCurrentView()).isNotInstanceOf(PersonView.class);
    }
}
