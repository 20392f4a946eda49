package app.rungs.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.people.service.LevelCatalog;
import app.rungs.people.service.PeopleFilter;
import app.rungs.people.service.PeopleGridService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PeopleSort;
import app.rungs.people.service.PersonListItem;
import app.rungs.people.service.TimeInLevel;
import app.rungs.security.service.AccountService;
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

/** The people grid's queries: scope, filters, sorting, paging and the number of SQL statements per page. */
@IntegrationTest
class PeopleGridTest {

    @Autowired
    PeopleService people;

    @Autowired
    PeopleGridService peopleGrid;

    @Autowired
    AccountService accounts;

    @Autowired
    EntityManagerFactory emf;

    private List<PersonListItem> page(PeopleFilter filter, List<PeopleSort> sort, int offset, int limit) {
        return peopleGrid.findPeople(filter, sort, offset, limit);
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void anAdminLoadsAGridPageInOneStatementAndCountsInAnother() {
        var counter = new StatementCounter(emf);
        var catalog = people.levelCatalog();
        var rows = new ArrayList<PersonListItem>();
        long fetch = counter.count(() -> rows.addAll(
                peopleGrid.findPeople(PeopleFilter.active(), List.of(PeopleSort.asc(PeopleSort.Field.LEVEL)), 0, 50)));
        long count = counter.count(() -> peopleGrid.countPeople(PeopleFilter.active()));
        long filtered = counter.count(() -> peopleGrid.findPeople(
                PeopleFilter.active().withTier(catalog.tierNames().getFirst()).withName("a"),
                List.of(PeopleSort.desc(PeopleSort.Field.TEAM), PeopleSort.asc(PeopleSort.Field.MANAGER)),
                0,
                50));
        long ladders = catalog.levels().stream()
                .map(LevelCatalog.LevelInfo::ladderId)
                .distinct()
                .count();
        long catalogStatements = counter.count(() -> people.levelCatalog());

        assertThat(rows).hasSizeGreaterThanOrEqualTo(41);
        // One query for the ladders in use, then one load of each published ladder: not one per person.
        assertThat(catalogStatements).isLessThanOrEqualTo(1 + 8 * ladders);
        // The service resolves levels itself: the page is one statement plus the ladders, never one per row.
        assertThat(fetch).isEqualTo(1 + catalogStatements);
        // Counting without a tier filter needs no ladder; with one, the ladders are read once.
        assertThat(count).isEqualTo(1);
        assertThat(filtered).isEqualTo(1 + catalogStatements);
        // Titles and tiers come from the published ladder.
        // Other tests add people, so look Lena up by name rather than expecting her on the first page.
        var lena = peopleGrid.findPeople(PeopleFilter.active().withName("Lena Fischer"), List.of(), 0, 10).stream()
                .filter(r -> r.email().equals(DemoUsers.ENGINEER))
                .findFirst()
                .orElseThrow();
        assertThat(lena.levelKey()).isEqualTo("DSE-2");
        assertThat(lena.levelTitle()).isEqualTo("Distributed Systems Engineer II");
        assertThat(lena.tierName()).isEqualTo("Distributed Systems Engineer (IC)");
        assertThat(lena.teamName()).isEqualTo("Storage Platform");
        assertThat(lena.managerName()).isEqualTo("Daniel Okafor");
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void sortingByLevelFollowsTheLadderNotTheAlphabet() {
        var ascending = page(
                PeopleFilter.active().withName("rungs.demo"), List.of(PeopleSort.asc(PeopleSort.Field.LEVEL)), 0, 500);
        var keys = ascending.stream().map(PersonListItem::levelKey).distinct().toList();
        // RS-1 (the Research Scientist branch) comes after SPE-2 and DE-1 in the ladder's order.
        assertThat(keys).containsSubsequence("DSE-1", "DSE-2", "DSE-3", "SPE-1", "SPE-2", "RS-1");
        var descending = page(
                PeopleFilter.active().withName("rungs.demo"), List.of(PeopleSort.desc(PeopleSort.Field.LEVEL)), 0, 1);
        assertThat(descending.getFirst().levelKey()).isEqualTo("RS-1");
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void everyColumnFilters() {
        var catalog = people.levelCatalog();
        var dse2 = catalog.find(catalog.levels().getFirst().ladderId(), "DSE-2").orElseThrow();
        assertThat(page(PeopleFilter.active().withLevel(dse2), List.of(), 0, 500))
                .isNotEmpty()
                .allMatch(p -> p.levelKey().equals("DSE-2"));
        assertThat(page(PeopleFilter.active().withTier("Staff / Principal Engineer"), List.of(), 0, 500))
                .isNotEmpty()
                .allMatch(p -> p.levelKey().startsWith("SPE"));
        assertThat(page(PeopleFilter.active().withTeam("storage"), List.of(), 0, 500))
                .isNotEmpty()
                .allMatch(p -> "Storage Platform".equals(p.teamName()));
        assertThat(page(PeopleFilter.active().withManager("okafor"), List.of(), 0, 500))
                .extracting(PersonListItem::email)
                .contains(DemoUsers.ENGINEER)
                .doesNotContain(DemoUsers.OTHER_ENGINEER);
        assertThat(page(PeopleFilter.active().withSpecialization(null, true), List.of(), 0, 500))
                .isNotEmpty()
                .allMatch(p -> p.specialization() == null);
        var today = LocalDate.now();
        assertThat(page(PeopleFilter.active().withTimeInLevel(TimeInLevel.UNDER_ONE_YEAR), List.of(), 0, 500))
                .allMatch(p -> p.levelSince().isAfter(today.minusYears(1)));
        assertThat(page(PeopleFilter.active().withTimeInLevel(TimeInLevel.FOUR_YEARS_OR_MORE), List.of(), 0, 500))
                .isNotEmpty()
                .allMatch(p -> !p.levelSince().isAfter(today.minusYears(4)));
        // Wildcards in the filter text are matched literally.
        assertThat(peopleGrid.countPeople(PeopleFilter.active().withName("%"))).isZero();
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void pagesDoNotOverlapAndTheCountMatches() {
        var filter = PeopleFilter.active().withName("rungs.demo");
        var first = page(filter, List.of(), 0, 20);
        var second = page(filter, List.of(), 20, 20);
        assertThat(first).hasSize(20);
        assertThat(first)
                .extracting(PersonListItem::id)
                .doesNotContainAnyElementsOf(
                        second.stream().map(PersonListItem::id).toList());
        long total = peopleGrid.countPeople(filter);
        assertThat(total)
                .isEqualTo(first.size()
                        + second.size()
                        + page(filter, List.of(), 40, 500).size());
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void aManagerSeesOnlyTheirReportingLineInTheGrid() {
        var catalog = people.levelCatalog();
        var counter = new StatementCounter(emf);
        var rows = new ArrayList<PersonListItem>();
        long statements =
                counter.count(() -> rows.addAll(peopleGrid.findPeople(PeopleFilter.active(), List.of(), 0, 50)));
        long catalogStatements = counter.count(() -> people.levelCatalog());
        assertThat(statements).isEqualTo(1 + catalogStatements);
        assertThat(rows)
                .extracting(PersonListItem::email)
                .contains(DemoUsers.ENGINEER)
                .doesNotContain(DemoUsers.OTHER_ENGINEER, DemoUsers.MANAGER, DemoUsers.DIRECTOR);
        assertThat(peopleGrid.countPeople(PeopleFilter.active()))
                .isEqualTo(peopleGrid
                        .findPeople(PeopleFilter.active(), List.of(), 0, 500)
                        .size());
        // Filtering cannot widen the scope.
        assertThat(peopleGrid.findPeople(PeopleFilter.active().withName("ethan"), List.of(), 0, 50))
                .isEmpty();
    }

    @Test
    @WithUserDetails(DemoUsers.DIRECTOR)
    void aDirectorSeesDirectAndIndirectReports() {
        var rows = page(PeopleFilter.active(), List.of(), 0, 500);
        assertThat(rows)
                .extracting(PersonListItem::email)
                .contains(DemoUsers.MANAGER, DemoUsers.ENGINEER, DemoUsers.OTHER_ENGINEER)
                .doesNotContain(DemoUsers.DIRECTOR);
    }

    @Test
    @WithUserDetails(DemoUsers.ENGINEER)
    void anEngineerCannotListPeople() {
        assertThatThrownBy(() -> peopleGrid.findPeople(PeopleFilter.active(), List.of(), 0, 50))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> peopleGrid.orgChildren(null, 0, 50)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void aManagersOrgChartStartsAtThemAndStopsAtTheirLine() {
        var roots = peopleGrid.orgChildren(null, 0, 50);
        assertThat(roots).singleElement().satisfies(n -> {
            assertThat(n.fullName()).isEqualTo("Daniel Okafor");
            assertThat(n.directReports()).isGreaterThanOrEqualTo(9);
        });
        var daniel = roots.getFirst();
        assertThat(peopleGrid.orgChildCount(daniel.id())).isEqualTo(daniel.directReports());
        assertThat(peopleGrid.orgChildren(daniel.id(), 0, 500))
                .hasSize(daniel.directReports())
                .extracting(n -> n.fullName())
                .contains("Lena Fischer")
                .doesNotContain("Ethan Brooks");
        var director = PeopleTestData.personOf(accounts, DemoUsers.DIRECTOR);
        assertThatThrownBy(() -> peopleGrid.orgChildren(director, 0, 50))
                .isInstanceOf(app.rungs.shared.service.NotFoundException.class);
    }
}
