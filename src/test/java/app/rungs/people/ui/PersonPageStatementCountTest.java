package app.rungs.people.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.ladder.domain.SpecializationTrack;
import app.rungs.people.service.NewPerson;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.StatementCounter;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import jakarta.persistence.EntityManagerFactory;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The person page costs as many statements for a manager with many reports (several levels deep) as for one with a
 * single report: its reads are batched, not one per report or per manager above.
 */
@IntegrationTest
class PersonPageStatementCountTest extends SpringBrowserlessTest {

    static final int MANY = 15;

    @Autowired
    PeopleService people;

    @Autowired
    PersonEditingService editing;

    @Autowired
    EntityManagerFactory emf;

    private Long newPerson(String name, Long managerId) {
        var ladderId = people.levelCatalog().levels().getFirst().ladderId();
        var start = LocalDate.now().minusYears(2);
        var tag = UUID.randomUUID().toString().substring(0, 8);
        return editing.create(
                new NewPerson(
                        name + " " + tag,
                        "page." + tag + "@statements.example",
                        "Engineer",
                        null,
                        managerId,
                        ladderId,
                        "DSE-2",
                        SpecializationTrack.DATA_INFRASTRUCTURE,
                        null,
                        null,
                        null,
                        start),
                start);
    }

    /** A manager under {@code depth} managers, with {@code reports} direct reports. */
    private Long managerWith(int depth, int reports) {
        return SystemAuthentication.call(() -> {
            Long above = null;
            for (int i = 0; i < depth; i++) {
                above = newPerson("Chain " + i, above);
            }
            var manager = newPerson("Page Manager", above);
            for (int i = 0; i < reports; i++) {
                newPerson("Report " + i, manager);
            }
            return manager;
        });
    }

    private long openPage(Long id) {
        var counter = new StatementCounter(emf);
        return counter.count(() -> {
            UI.getCurrent().navigate("people/" + id);
            roundTrip();
        });
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void aManagersPageCostsTheSameWithOneReportAsWithManyReportsAndADeeperChain() {
        var few = managerWith(1, 1);
        var many = managerWith(6, MANY);
        // Warm up what is loaded once per application (routes, ladders), then measure.
        openPage(few);
        long fewStatements = openPage(few);
        long manyStatements = openPage(many);

        var page = (PersonView) PeopleViewsTest.target(getCurrentView());
        assertThat(page.person.directReports()).hasSize(MANY);
        System.out.printf(
                "Person page statements: %d with 1 report, %d with %d reports%n", fewStatements, manyStatements, MANY);
        assertThat(manyStatements).isEqualTo(fewStatements);
    }
}
