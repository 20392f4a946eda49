package app.rungs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A click on a people grid header sorts by that column alone; Shift-click adds a column behind it. */
@IntegrationTest
class PeopleGridSortBrowserTest {

    @LocalServerPort
    int port;

    WebDriver driver;
    PageActions page;

    @BeforeEach
    void startBrowser() {
        driver = BrowserTestSupport.startChrome();
        page = new PageActions(driver, "http://localhost:" + port);
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    /** Each sorted column's header text and direction, in sort priority order. */
    @SuppressWarnings("unchecked")
    private List<String> sortState() {
        return (List<String>) page.js("""
                const sorters = Array.from(document.querySelectorAll('vaadin-grid.people-grid vaadin-grid-sorter'))
                  .filter(s => s.direction);
                sorters.sort((a, b) => Number(a._order ?? 0) - Number(b._order ?? 0));
                return sorters.map(s => s.textContent.trim() + ' ' + s.direction);
                """);
    }

    /** The team names of the first rows, in row order, as the grid renders them. */
    @SuppressWarnings("unchecked")
    private List<String> firstTeams() {
        return (List<String>) page.js("""
                const root = document.querySelector('vaadin-grid.people-grid').shadowRoot;
                const content = (cell) => {
                  const slot = cell && cell.querySelector('slot');
                  const el = slot && slot.assignedElements()[0];
                  return el ? el.textContent.trim() : null;
                };
                const headers = Array.from(root.querySelector('thead tr').querySelectorAll('th'));
                const team = headers.findIndex(th => (content(th) || '').startsWith('Team'));
                // Rows still waiting for the re-sorted page keep their old content and carry "loading".
                const rows = Array.from(root.querySelectorAll('tbody#items tr'))
                  .filter(r => !r.hidden && r.index !== undefined && !r.hasAttribute('loading'))
                  .sort((a, b) => a.index - b.index).slice(0, 8);
                return rows.map(r => content(r.querySelectorAll('td')[team])).filter(t => t !== null);
                """);
    }

    private boolean gridLoading() {
        return Boolean.TRUE.equals(
                page.js("return document.querySelector('vaadin-grid.people-grid').loading === true;"));
    }

    private static boolean isSorted(List<String> teams) {
        for (int i = 1; i < teams.size(); i++) {
            if (String.CASE_INSENSITIVE_ORDER.compare(teams.get(i - 1), teams.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    @Test
    void aHeaderClickSortsByThatColumnOnly() {
        page.signIn(DemoUsers.ADMIN, DemoUsers.PASSWORD);
        page.open("/people");
        page.waitFor("vaadin-grid.people-grid vaadin-grid-sorter", "Team");
        page.waiting().until(d -> sortState().equals(List.of("Name asc")));

        page.click("vaadin-grid.people-grid vaadin-grid-sorter", "Team");
        page.waiting()
                .until(d -> sortState().size() == 1 && sortState().getFirst().equals("Team asc"));
        // The header shows the new order before the re-sorted rows arrive: wait for the grid to settle on them.
        page.waiting().until(d -> !gridLoading() && firstTeams().size() >= 5 && isSorted(firstTeams()));
        assertThat(firstTeams()).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        BrowserTestSupport.screenshot(driver, "people-sorted-by-team");

        // Shift-click adds a second column behind the first, as spreadsheets do.
        var manager = page.find("vaadin-grid.people-grid vaadin-grid-sorter", "Manager");
        page.js("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true, shiftKey: true}))", manager);
        page.waiting().until(d -> sortState().size() == 2);
        assertThat(sortState()).containsExactlyInAnyOrder("Team asc", "Manager asc");
    }
}
