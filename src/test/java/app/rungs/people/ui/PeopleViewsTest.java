package app.rungs.people.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.ladder.domain.SpecializationTrack;
import app.rungs.people.domain.AssignmentReason;
import app.rungs.people.service.LevelCatalog;
import app.rungs.people.service.NewPerson;
import app.rungs.people.service.OrgNode;
import app.rungs.people.service.PeopleGridService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.people.service.PersonListItem;
import app.rungs.people.service.PersonUpdate;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.StatementCounter;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.tabs.Tab;
import jakarta.persistence.EntityManagerFactory;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** The people screens as each role uses them, without a browser. */
@IntegrationTest
class PeopleViewsTest extends SpringBrowserlessTest {

    @Autowired
    PeopleService people;

    @Autowired
    PersonEditingService peopleEditing;

    @Autowired
    PeopleGridService peopleGrid;

    @Autowired
    AccountService accounts;

    @Autowired
    EntityManagerFactory emf;

    private Long personOf(String username) {
        return SystemAuthentication.call(
                () -> accounts.findByUsername(username).orElseThrow().personId());
    }

    private void open(String location) {
        UI.getCurrent().navigate(location);
        roundTrip();
    }

    /** Views with method-security annotations are Spring proxies; tests read the real view's fields. */
    static <T> T target(T view) {
        return org.springframework.test.util.AopTestUtils.getUltimateTargetObject(view);
    }

    /** Picks a level of the demo ladder (other tests may add ladders of their own). */
    static void choose(LevelPicker picker, String levelKey) {
        picker.ladder.setValue(picker.ladder
                .getListDataView()
                .getItems()
                .filter(l -> l.name().equals("Distributed Systems Engineering"))
                .findFirst()
                .orElseThrow());
        picker.level.setValue(picker.level
                .getListDataView()
                .getItems()
                .filter(l -> l.key().equals(levelKey))
                .findFirst()
                .orElseThrow());
    }

    private List<String> menu() {
        return $(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 6);
    }

    /** A person of the test's own, created as the system. */
    private Long newPerson(String name, String levelKey) {
        return SystemAuthentication.call(() -> {
            var ladderId = people.levelCatalog().levels().getFirst().ladderId();
            var start = LocalDate.now().minusYears(2);
            return peopleEditing.create(
                    new NewPerson(
                            name,
                            name.toLowerCase().replaceAll("[^a-z0-9]+", ".") + "@views.example",
                            "Engineer",
                            null,
                            null,
                            ladderId,
                            levelKey,
                            SpecializationTrack.DATA_INFRASTRUCTURE,
                            null,
                            null,
                            null,
                            start),
                    start);
        });
    }

    private List<PersonListItem> rows(PeopleView view) {
        var tester = test(view.grid);
        return java.util.stream.IntStream.range(0, tester.size())
                .mapToObj(tester::getRow)
                .toList();
    }

    // ---------------------------------------------------------------- grid

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void anAdminFiltersThePeopleGridByLevelInAFewStatementsPerPage() {
        var view = target(navigate(PeopleView.class));
        assertThat(menu()).contains("People", "Org chart");
        assertThat(test(view.grid).size()).isGreaterThanOrEqualTo(41);
        assertThat(view.count.getText()).endsWith("people");

        var dse3 = view.levelFilter
                .getListDataView()
                .getItems()
                .filter(l -> "DSE-3".equals(l.key()))
                .findFirst()
                .orElseThrow();
        var counter = new StatementCounter(emf);
        long statements = counter.count(() -> {
            view.levelFilter.setValue(dse3);
            roundTrip();
        });
        assertThat(rows(view)).isNotEmpty().allMatch(p -> "DSE-3".equals(p.levelKey()));
        long ladders = people.levelCatalog().levels().stream()
                .map(LevelCatalog.LevelInfo::ladderId)
                .distinct()
                .count();
        // A page and its count, plus at most one load of the published ladders: never one query per row.
        assertThat(statements).isBetween(2L, 2 + 1 + 8 * ladders);

        view.levelFilter.clear();
        view.nameFilter.setValue("lena.fischer");
        roundTrip();
        assertThat(rows(view)).singleElement().satisfies(p -> {
            assertThat(p.tierName()).isEqualTo("Distributed Systems Engineer (IC)");
            assertThat(p.levelTitle()).isEqualTo("Distributed Systems Engineer II");
        });
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void aManagerSeesTheirReportingLineInThePeopleGrid() {
        assertThat(menu()).contains("People", "Org chart", "My profile").doesNotContain("Audit log");
        var view = target(navigate(PeopleView.class));
        assertThat(rows(view))
                .extracting(PersonListItem::email)
                .contains(DemoUsers.ENGINEER)
                .doesNotContain(DemoUsers.OTHER_ENGINEER, DemoUsers.DIRECTOR);
        assertThat(view.assignLevel.isVisible() && view.assignLevel.getParent().isPresent())
                .isFalse();
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void anAdminBulkAssignsALevelToASelection() {
        var tag = UUID.randomUUID().toString().substring(0, 6);
        var a = newPerson("Bulk " + tag + " Alpha", "DSE-1");
        var b = newPerson("Bulk " + tag + " Beta", "DSE-1");
        var view = target(navigate(PeopleView.class));
        view.nameFilter.setValue("bulk " + tag);
        roundTrip();
        assertThat(test(view.grid).size()).isEqualTo(2);
        test(view.grid).select(0);
        test(view.grid).select(1);
        assertThat(view.assignLevel.getText()).isEqualTo("Assign level to 2…");
        assertThat(view.assignLevel.isEnabled()).isTrue();
        test(view.assignLevel).click();
        var dialog = $(LevelDialog.class).single();
        choose(dialog.picker, "DSE-2");
        dialog.reason.setValue(AssignmentReason.PROMOTION);
        test(dialog.save).click();
        assertThat(people.details(a).levelKey()).isEqualTo("DSE-2");
        assertThat(people.details(b).levelKey()).isEqualTo("DSE-2");
        assertThat(rows(view)).allMatch(p -> p.levelKey().equals("DSE-2"));
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void aHeaderClickSortsThePeopleGridByThatColumnAloneAndShiftClickAddsOne() {
        var view = target(navigate(PeopleView.class));
        // The grid web component replaces the sort on a plain click and appends on Shift-click.
        assertThat(view.grid.isMultiSort()).isTrue();
        assertThat(view.grid.getElement().getProperty("multiSortOnShiftClick", false))
                .isTrue();
        // What a plain click on "Team" sends: that column alone, so team order comes first, not name order.
        var byTeam = peopleGrid.findPeople(
                null,
                PeopleView.sorts(List.of(new com.vaadin.flow.data.provider.QuerySortOrder(
                        "TEAM", com.vaadin.flow.data.provider.SortDirection.DESCENDING))),
                0,
                500);
        var teams = byTeam.stream().map(PersonListItem::teamName).toList();
        // Each team forms one block (whatever the database's collation), and names are only the tie-breaker.
        var seen = new java.util.ArrayList<String>();
        for (int i = 0; i < teams.size(); i++) {
            if (i == 0 || !java.util.Objects.equals(teams.get(i), teams.get(i - 1))) {
                assertThat(seen).doesNotContain(teams.get(i));
                seen.add(teams.get(i));
            }
        }
        assertThat(seen).hasSizeGreaterThan(1);
    }

    // ---------------------------------------------------------------- URL-level access

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void aManagerCannotOpenSomeoneOutsideTheirLineByUrl() {
        open("people/" + personOf(DemoUsers.ENGINEER));
        assertThat(getCurrentView()).isInstanceOf(PersonView.class);
        assertThat(((PersonView) target(getCurrentView())).person.email()).isEqualTo(DemoUsers.ENGINEER);

        open("people/" + personOf(DemoUsers.OTHER_ENGINEER));
        assertThat(getCurrentView()).isNotInstanceOf(PersonView.class);
        open("people/" + personOf(DemoUsers.DIRECTOR));
        assertThat(getCurrentView()).isNotInstanceOf(PersonView.class);
        open("people/999999999");
        assertThat(getCurrentView()).isNotInstanceOf(PersonView.class);
        open("people/import");
        assertThat(getCurrentView()).isNotInstanceOf(PeopleImportView.class);
    }

    @Test
    @WithUserDetails(DemoUsers.ENGINEER)
    void anEngineerOpensTheirOwnPageButNoOneElsesByUrl() {
        assertThat(menu()).contains("My profile").doesNotContain("People", "Org chart");
        open("profile");
        assertThat(getCurrentView()).isInstanceOf(PersonView.class);
        var page = (PersonView) target(getCurrentView());
        assertThat(page.person.email()).isEqualTo(DemoUsers.ENGINEER);
        assertThat($(Button.class).withText("Change level").exists()).isFalse();

        open("people/" + personOf(DemoUsers.OTHER_ENGINEER));
        assertThat(getCurrentView()).isNotInstanceOf(PersonView.class);
        open("people/" + personOf(DemoUsers.MANAGER));
        assertThat(getCurrentView()).isNotInstanceOf(PersonView.class);
        open("people");
        assertThat(getCurrentView()).isNotInstanceOf(PeopleView.class);
        open("org-chart");
        assertThat(getCurrentView()).isNotInstanceOf(OrgChartView.class);
    }

    @Test
    @WithUserDetails(DemoUsers.DIRECTOR)
    void aDirectorOpensAnIndirectReportsPageWithItsHistoryAndTabs() {
        open("people/" + personOf(DemoUsers.ENGINEER));
        var page = (PersonView) target(getCurrentView());
        assertThat(page.person.history()).hasSizeGreaterThanOrEqualTo(2);
        var labels = $(Tab.class).all().stream().map(Tab::getLabel).toList();
        // Built-in tabs first, then tabs contributed through PersonPageTab beans.
        assertThat(labels)
                .containsExactly(
                        "Profile",
                        "Level history (" + page.person.history().size() + ")",
                        "Reporting line",
                        "Evidence",
                        "Growth plan",
                        "Feedback",
                        "Coverage",
                        "Promotion cases",
                        "Calibration outcomes");
        // Check-ins are between the engineer and her direct manager only: no tab for the director above them.
        assertThat(labels).doesNotContain("Check-ins");
    }

    // ---------------------------------------------------------------- admin dialogs

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void anAdminChangesALevelFromThePersonPage() {
        var id = newPerson(unique("Level Lia"), "DSE-1");
        open("people/" + id);
        test($(Button.class).withText("Change level").single()).click();
        var dialog = $(LevelDialog.class).single();
        choose(dialog.picker, "DSE-2");
        dialog.reason.setValue(AssignmentReason.PROMOTION);
        dialog.note.setValue("Promotion committee, spring");
        test(dialog.save).click();
        var after = people.details(id);
        assertThat(after.levelKey()).isEqualTo("DSE-2");
        assertThat(after.history()).hasSize(2);
        assertThat(after.history().getFirst().note()).isEqualTo("Promotion committee, spring");
        assertThat(((PersonView) target(getCurrentView())).person.levelKey()).isEqualTo("DSE-2");
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void aConcurrentEditIsRefusedWithAClearMessage() {
        var id = newPerson(unique("Race Rui"), "DSE-1");
        open("people/" + id);
        test($(Button.class).withText("Change level").single()).click();
        var dialog = $(LevelDialog.class).single();
        // Someone else edits the person meanwhile.
        var seen = people.details(id);
        peopleEditing.update(
                id,
                seen.version(),
                new PersonUpdate(
                        seen.fullName(), seen.email(), "Changed meanwhile", null, null, null, null, null, null));
        choose(dialog.picker, "DSE-2");
        test(dialog.save).click();
        assertThat(dialog.error.isVisible()).isTrue();
        assertThat(dialog.error.getText()).contains("was changed by someone else");
        assertThat(people.details(id).levelKey()).isEqualTo("DSE-1");
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void anAdminDeactivatesSomeoneAndTheirHistoryStays() {
        var id = newPerson(unique("Gone Gil"), "DSE-2");
        open("people/" + id);
        test($(Button.class).withText("Deactivate").single()).click();
        var dialog = $(DeactivateDialog.class).single();
        test(dialog.confirm).click();
        var page = (PersonView) target(getCurrentView());
        assertThat(page.person.active()).isFalse();
        assertThat(page.person.history()).hasSize(1);
        assertThat($(Button.class).withText("Reactivate").exists()).isTrue();
        // Still listed, under "Left".
        var grid = target(navigate(PeopleView.class));
        grid.status.setValue(app.rungs.people.service.PeopleFilter.Status.LEFT);
        grid.nameFilter.setValue("gone gil");
        roundTrip();
        assertThat(rows(grid)).extracting(PersonListItem::id).contains(id);
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void anAdminAddsAPersonAndTheFormChecksTheirInput() {
        var view = target(navigate(PeopleView.class));
        test($(Button.class).withText("Add person").single()).click();
        var form = $(PersonFormDialog.class).single();
        form.fullName.setValue("");
        form.email.setValue("not an email");
        test(form.save).click();
        assertThat(form.isOpened()).isTrue();
        assertThat(form.email.isInvalid()).isTrue();
        var name = unique("Form Fay");
        var email = name.toLowerCase().replaceAll("[^a-z0-9]+", ".") + "@views.example";
        form.fullName.setValue(name);
        form.email.setValue(email);
        // The service is the authority: an email in use is refused even though the form accepts it.
        form.email.setValue(DemoUsers.ENGINEER);
        test(form.save).click();
        assertThat(form.error.getText()).contains("already exists");
        form.email.setValue(email);
        choose(form.level, "DSE-1");
        test(form.save).click();
        assertThat(form.error.getText()).isEmpty();
        assertThat(form.isOpened()).isFalse();
        assertThat(getCurrentView()).isInstanceOf(PersonView.class);
        var page = (PersonView) target(getCurrentView());
        assertThat(page.person.fullName()).isEqualTo(name);
        assertThat(page.person.levelKey()).isEqualTo("DSE-1");
        assertThat(accounts.findByPersonId(page.person.id())).isPresent();
        assertThat(view).isNotNull();
    }

    // ---------------------------------------------------------------- org chart

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void aManagersOrgChartShowsTheirSubtreeOnly() {
        var view = target(navigate(OrgChartView.class));
        var tester = test(view.tree);
        var names = java.util.stream.IntStream.range(0, tester.size())
                .mapToObj(tester::getRow)
                .map(OrgNode::fullName)
                .toList();
        assertThat(names.getFirst()).isEqualTo("Daniel Okafor");
        assertThat(names).contains("Lena Fischer").doesNotContain("Ethan Brooks", "Priya Natarajan");
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void anAdminsOrgChartStartsAtTheTopAndExpandsLazily() {
        var view = target(navigate(OrgChartView.class));
        // Other tests add people without a manager (more roots), so read the levels from the grid's provider.
        var roots = children(view.tree, null);
        assertThat(roots.stream().map(OrgNode::fullName))
                .contains("Priya Natarajan")
                .doesNotContain("Lena Fischer", "Daniel Okafor");
        var priya = roots.stream()
                .filter(n -> n.fullName().equals("Priya Natarajan"))
                .findFirst()
                .orElseThrow();
        var underPriya = children(view.tree, priya);
        assertThat(underPriya.stream().map(OrgNode::fullName))
                .contains("Daniel Okafor", "Sofia Rossi")
                .doesNotContain("Lena Fischer");
        var daniel = underPriya.stream()
                .filter(n -> n.fullName().equals("Daniel Okafor"))
                .findFirst()
                .orElseThrow();
        assertThat(children(view.tree, daniel).stream().map(OrgNode::fullName)).contains("Lena Fischer");
        view.tree.expand(priya, daniel);
        roundTrip();
        assertThat(view.tree.isExpanded(daniel)).isTrue();
        view.collapseAll();
        assertThat(view.tree.isExpanded(daniel)).isFalse();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static java.util.List<OrgNode> children(
            com.vaadin.flow.component.treegrid.TreeGrid<OrgNode> tree, OrgNode parent) {
        var provider = (com.vaadin.flow.data.provider.hierarchy.HierarchicalDataProvider) tree.getDataProvider();
        return ((java.util.stream.Stream<OrgNode>) provider.fetchChildren(
                        new com.vaadin.flow.data.provider.hierarchy.HierarchicalQuery(null, parent)))
                .toList();
    }
}
