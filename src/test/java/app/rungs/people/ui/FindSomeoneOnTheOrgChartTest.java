package app.rungs.people.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.router.RouterLink;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * A manager looks someone up on the visual org chart: the search offers only their own line, opens the managers above
 * the person found, highlights them, and their box leads to their person page.
 */
@IntegrationTest
class FindSomeoneOnTheOrgChartTest extends SpringBrowserlessTest {

    @Autowired
    AccountService accounts;

    private Long personOf(String username) {
        return SystemAuthentication.call(
                () -> accounts.findByUsername(username).orElseThrow().personId());
    }

    @Test
    @WithUserDetails(DemoUsers.DIRECTOR)
    void aDirectorFindsAnEngineerTwoLevelsDownAndOpensTheirPage() {
        var view = PeopleViewsTest.target(navigate(OrgChartView.class));
        // The tab sheet attaches the open tab's content before the response.
        roundTrip();
        var diagram = view.diagram;
        var priya = personOf(DemoUsers.DIRECTOR);
        var daniel = personOf(DemoUsers.MANAGER);
        var lena = personOf(DemoUsers.ENGINEER);
        // The chart opens on the director and her managers; nobody further down is read yet.
        assertThat(view.tabs.getSelectedTab()).isEqualTo(view.chartTab);
        assertThat(diagram.branches).containsKeys(priya, daniel).doesNotContainKey(lena);
        assertThat(diagram.branches.get(daniel).expanded).isFalse();

        var search = test(view.search);
        search.setFilter("Lena Fischer");
        var offered = search.getSuggestions();
        assertThat(offered).singleElement().asString().startsWith("Lena Fischer");
        search.selectItem(offered.getFirst());

        assertThat(diagram.branches.get(daniel).expanded).isTrue();
        assertThat(diagram.branches).containsKey(lena);
        assertThat(diagram.highlightedId()).isEqualTo(lena);
        assertThat(diagram.branches.get(lena).box.getClassNames()).contains("org-box-found");

        var link = test(diagram.branches.get(lena).box).find(RouterLink.class).single();
        assertThat(link.getText()).isEqualTo("Lena Fischer");
        test(link).click();
        assertThat(getCurrentView()).isInstanceOf(PersonView.class);
        assertThat(PeopleViewsTest.target((PersonView) getCurrentView()).person.id())
                .isEqualTo(lena);
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void aManagersSearchOffersNobodyOutsideTheirLine() {
        var view = PeopleViewsTest.target(navigate(OrgChartView.class));
        // The tab sheet attaches the open tab's content before the response.
        roundTrip();
        var search = test(view.search);
        search.setFilter("ethan");
        assertThat(search.getSuggestions()).isEmpty();
        search.setFilter("priya");
        assertThat(search.getSuggestions()).isEmpty();
        search.setFilter("Lena Fischer");
        assertThat(search.getSuggestions()).singleElement().asString().startsWith("Lena Fischer");
    }

    @Test
    @WithUserDetails(DemoUsers.DIRECTOR)
    void collapsingAManagerDropsTheirReportsAndZoomStaysWithinBounds() {
        var view = PeopleViewsTest.target(navigate(OrgChartView.class));
        // The tab sheet attaches the open tab's content before the response.
        roundTrip();
        var diagram = view.diagram;
        var daniel = personOf(DemoUsers.MANAGER);
        var toggle = test(diagram.branches.get(daniel)).find(Button.class).single();
        assertThat(toggle.getElement().getAttribute("aria-expanded")).isEqualTo("false");
        var closed = java.util.Set.copyOf(diagram.branches.keySet());

        // Other tests may add reports to Daniel's line, so the first page is "whoever sorts first", not Lena.
        test(toggle).click();
        var reports = diagram.branches.keySet().stream()
                .filter(id -> !closed.contains(id))
                .toList();
        assertThat(reports).isNotEmpty();
        assertThat(toggle.getElement().getAttribute("aria-expanded")).isEqualTo("true");
        test(toggle).click();
        assertThat(diagram.branches).doesNotContainKeys(reports.toArray(Long[]::new));

        for (int i = 0; i < 20; i++) {
            diagram.zoomIn();
        }
        assertThat(diagram.zoom()).isEqualTo(OrgChartDiagram.MAX_ZOOM);
        for (int i = 0; i < 20; i++) {
            diagram.zoomOut();
        }
        assertThat(diagram.zoom()).isEqualTo(OrgChartDiagram.MIN_ZOOM);
        assertThat(diagram.zoomLabel().getText()).isEqualTo("25 %");
    }
}
