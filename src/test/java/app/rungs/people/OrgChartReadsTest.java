package app.rungs.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.people.service.OrgNode;
import app.rungs.people.service.PeopleGridService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.people.service.PersonOption;
import app.rungs.security.service.AccountService;
import app.rungs.shared.service.NotFoundException;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.StatementCounter;
import jakarta.persistence.EntityManagerFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The visual org chart's reads: a manager's reports a page at a time, and the line down to a searched person, each in
 * the same number of statements for a team of 3 or of 40 (nothing is read for the whole organization), within the
 * viewer's part of the organization only.
 */
@IntegrationTest
class OrgChartReadsTest {

    static final int PAGE = 12;

    @Autowired
    PeopleService people;

    @Autowired
    PersonEditingService peopleEditing;

    @Autowired
    PeopleGridService grid;

    @Autowired
    AccountService accounts;

    @Autowired
    EntityManagerFactory emf;

    /** A root, a manager under it with a team of {@code size}, and a person under the team's last (by name) member. */
    record Org(Long root, Long manager, List<Long> team, Long last, Long target) {}

    private Org org(int size) {
        var since = LocalDate.now().minusYears(2);
        var tag = PeopleTestData.unique("Org");
        var root = PeopleTestData.person(people, peopleEditing, tag + " Root", null, "DSE-3", since);
        var manager = PeopleTestData.person(people, peopleEditing, tag + " Manager", root, "DSE-3", since);
        var team = new ArrayList<Long>();
        for (int i = 0; i < size; i++) {
            team.add(PeopleTestData.person(
                    people, peopleEditing, "%s Member %02d".formatted(tag, i), manager, "DSE-2", since));
        }
        var last = team.getLast();
        var target = PeopleTestData.person(people, peopleEditing, tag + " Target", last, "DSE-1", since);
        return new Org(root, manager, team, last, target);
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void expandingAManagerReadsOnePageInTheSameStatementsForATeamOfThreeOrForty() {
        var small = org(3);
        var large = org(40);
        var counter = new StatementCounter(emf);
        var smallPage = new ArrayList<OrgNode>();
        var largePage = new ArrayList<OrgNode>();

        long smallCount = counter.count(() -> smallPage.addAll(grid.orgChildren(small.manager(), 0, PAGE)));
        long largeCount = counter.count(() -> largePage.addAll(grid.orgChildren(large.manager(), 0, PAGE)));

        assertThat(smallPage).hasSize(3);
        assertThat(largePage).hasSize(PAGE);
        assertThat(largePage.getFirst().fullName()).endsWith("Member 00");
        assertThat(largeCount).isEqualTo(smallCount).isLessThanOrEqualTo(2);
        // The next page continues where the first stopped.
        assertThat(grid.orgChildren(large.manager(), PAGE, PAGE).getFirst().fullName())
                .endsWith("Member %02d".formatted(PAGE));
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void theLineToAPersonOpensEveryManagerAboveThemInTheSameStatementsForATeamOfThreeOrForty() {
        var small = org(3);
        var large = org(40);
        var counter = new StatementCounter(emf);
        var lines = new ArrayList<app.rungs.people.service.OrgLine>();

        long smallCount = counter.count(() -> lines.add(grid.orgLine(small.target(), PAGE)));
        long largeCount = counter.count(() -> lines.add(grid.orgLine(large.target(), PAGE)));

        assertThat(largeCount).isEqualTo(smallCount).isLessThanOrEqualTo(3);
        var line = lines.getLast();
        assertThat(line.path())
                .extracting(OrgNode::id)
                .containsExactly(large.root(), large.manager(), large.last(), large.target());
        // The first page of the team, plus the member the line runs through although it is not on that page.
        assertThat(line.children().get(large.manager()))
                .extracting(OrgNode::id)
                .hasSize(PAGE + 1)
                .containsAll(large.team().subList(0, PAGE))
                .contains(large.last());
        assertThat(line.children().get(large.last())).extracting(OrgNode::id).containsExactly(large.target());
        assertThat(line.children()).doesNotContainKey(large.target());
        assertThat(lines.getFirst().children().get(small.manager())).hasSize(3);
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void aManagersLineStartsAtThemAndNobodyOutsideTheirLineIsFound() {
        var lena = PeopleTestData.personOf(accounts, DemoUsers.ENGINEER);
        var daniel = PeopleTestData.personOf(accounts, DemoUsers.MANAGER);
        var ethan = PeopleTestData.personOf(accounts, DemoUsers.OTHER_ENGINEER);
        var director = PeopleTestData.personOf(accounts, DemoUsers.DIRECTOR);

        assertThat(grid.orgLine(lena, PAGE).path()).extracting(OrgNode::id).containsExactly(daniel, lena);
        assertThat(grid.orgLine(daniel, PAGE).path()).extracting(OrgNode::id).containsExactly(daniel);
        assertThatThrownBy(() -> grid.orgLine(ethan, PAGE)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> grid.orgLine(director, PAGE)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> grid.orgLine(Long.MAX_VALUE, PAGE)).isInstanceOf(NotFoundException.class);

        assertThat(grid.findInOrgChart("lena", 0, 20))
                .extracting(PersonOption::id)
                .containsExactly(lena);
        assertThat(grid.findInOrgChart("ethan", 0, 20)).isEmpty();
    }

    @Test
    @WithUserDetails(DemoUsers.ENGINEER)
    void anEngineerCannotReadTheChartsLinesOrSearchIt() {
        var lena = PeopleTestData.personOf(accounts, DemoUsers.ENGINEER);
        assertThatThrownBy(() -> grid.orgLine(lena, PAGE)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> grid.findInOrgChart("lena", 0, 20)).isInstanceOf(AccessDeniedException.class);
    }
}
