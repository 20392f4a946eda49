package app.rungs.calibration.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.calibration.CalibrationFixtures;
import app.rungs.calibration.service.BoardEntries;
import app.rungs.calibration.service.BoardEntry;
import app.rungs.calibration.service.CalibrationBoard;
import app.rungs.calibration.service.CalibrationPreparation;
import app.rungs.calibration.service.CalibrationSessions;
import app.rungs.calibration.service.EntryEdit;
import app.rungs.calibration.service.LiveMessage;
import app.rungs.calibration.service.NewSession;
import app.rungs.calibration.service.SessionLifecycle;
import app.rungs.people.service.NewPerson;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.security.domain.Role;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.renderer.LitRenderer;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.util.AopTestUtils;

/**
 * The calibration screens as managers, admins and engineers use them, without a browser. The engineers belong to a
 * team of their own under Mira; Priya and Daniel are invited to the sessions.
 */
@IntegrationTest
class CalibrationScreensTest extends SpringBrowserlessTest {

    static final String MIRA = "mira.screens@calibration.test";
    static final String NIA = "nia.screens@calibration.test";
    static final String NOTES = "Committee only: discuss the on-call load before deciding.";

    static Long teamId;
    static String teamName;
    static Map<String, Long> people;

    @Autowired
    BoardEntries boardEntries;

    @Autowired
    CalibrationBoard boards;

    @Autowired
    CalibrationPreparation preparations;

    @Autowired
    CalibrationSessions sessions;

    @Autowired
    SessionLifecycle lifecycle;

    @Autowired
    UserDetailsService users;

    @Autowired
    AccountService accounts;

    @Autowired
    PeopleService peopleService;

    @Autowired
    PersonEditingService peopleEditing;

    @Autowired
    app.rungs.promotion.service.PromotionService promotions;

    @BeforeAll
    static void teamOfMira(
            @Autowired PeopleService people,
            @Autowired PersonEditingService peopleEditing,
            @Autowired AccountService accounts) {
        SystemAuthentication.run(() -> {
            var ladderId = people.details(accounts.findByUsername(DemoUsers.ENGINEER)
                            .orElseThrow()
                            .personId())
                    .ladderId();
            teamName = "Calibration screens " + UUID.randomUUID().toString().substring(0, 6);
            teamId = peopleEditing.createTeam(teamName, null);
            var since = LocalDate.now().minusYears(2);
            var hash = accounts.encode(CalibrationFixtures.PASSWORD);
            var mira = peopleEditing.create(
                    new NewPerson(
                            "Mira Screens",
                            MIRA,
                            "Engineering Manager",
                            teamId,
                            null,
                            ladderId,
                            "SPE-1",
                            null,
                            null,
                            null,
                            null,
                            since),
                    since);
            accounts.createWithEncodedPassword(
                    MIRA, "Mira Screens", hash, EnumSet.of(Role.MANAGER, Role.ENGINEER), mira);
            var nia = peopleEditing.create(
                    new NewPerson(
                            "Nia Screens",
                            NIA,
                            "Distributed Systems Engineer",
                            teamId,
                            mira,
                            ladderId,
                            "DSE-2",
                            null,
                            null,
                            null,
                            null,
                            since),
                    since);
            accounts.createWithEncodedPassword(NIA, "Nia Screens", hash, EnumSet.of(Role.ENGINEER), nia);
            var oli = peopleEditing.create(
                    new NewPerson(
                            "Oli Screens",
                            "oli.screens@calibration.test",
                            "Distributed Systems Engineer",
                            teamId,
                            mira,
                            ladderId,
                            "DSE-1",
                            null,
                            null,
                            null,
                            null,
                            since),
                    since);
            var pia = peopleEditing.create(
                    new NewPerson(
                            "Pia Screens",
                            "pia.screens@calibration.test",
                            "Distributed Systems Engineer",
                            teamId,
                            mira,
                            ladderId,
                            "DSE-2",
                            null,
                            null,
                            null,
                            null,
                            since),
                    since);
            CalibrationScreensTest.people = Map.of("Mira", mira, "Nia", nia, "Oli", oli, "Pia", pia);
        });
    }

    private CalibrationFixtures fx() {
        return new CalibrationFixtures(peopleService, peopleEditing, accounts, users, sessions);
    }

    /** A session over Mira's team, created by the admin (its facilitator) with Priya and Daniel invited. */
    private Long session(String name) {
        var fx = fx();
        var invited = Set.of(
                SystemAuthentication.call(() -> accounts.findByUsername(DemoUsers.DIRECTOR)
                        .orElseThrow()
                        .personId()),
                SystemAuthentication.call(() ->
                        accounts.findByUsername(DemoUsers.MANAGER).orElseThrow().personId()));
        return fx.as(
                DemoUsers.ADMIN,
                () -> sessions.create(new NewSession(
                        name + " " + UUID.randomUUID().toString().substring(0, 6),
                        "2026-H2",
                        Set.of(teamId),
                        Set.of(),
                        invited,
                        null)));
    }

    private Long startedSession(String name) {
        var id = session(name);
        fx().run(MIRA, () -> {
            for (var e : preparations.preparation(id).mine()) {
                boardEntries.propose(e.id(), e.version(), "Meets", "Solid half.");
            }
        });
        fx().run(DemoUsers.ADMIN, () -> lifecycle.start(id, sessions.session(id).version()));
        return id;
    }

    private BoardEntry entryOf(Long id, String firstName) {
        return fx().as(DemoUsers.ADMIN, () -> boards.board(id).entries()).stream()
                .filter(e -> e.personId().equals(people.get(firstName)))
                .findFirst()
                .orElseThrow();
    }

    /** Views carry method security, so Spring hands out proxies; tests look at the real view behind them. */
    private static <T> T real(T view) {
        return AopTestUtils.getUltimateTargetObject(view);
    }

    private BoardView board(Long id) {
        return real(navigate(BoardView.class, Map.of("id", String.valueOf(id))));
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    @SuppressWarnings("unchecked")
    void aManagerSeesTheSessionsTheyTakePartIn() {
        var id = session("Listed");
        var view = real(navigate(SessionsView.class));
        Grid<app.rungs.calibration.service.SessionRow> grid = view.grid;
        var rows = java.util.stream.IntStream.range(0, test(grid).size())
                .mapToObj(i -> test(grid).getRow(i))
                .toList();
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.id()).isEqualTo(id);
            assertThat(r.engineers()).isEqualTo(3);
            assertThat(r.facilitatorName()).isEqualTo("Morgan Reyes");
        });
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void anAdminCreatesASessionByPickingATeamAndSeesWhoIsPulledIn() {
        navigate(SessionsView.class);
        test($(Button.class).id("new-session")).click();
        var dialog = $(NewSessionDialog.class).first();
        test(dialog.name).setValue("Screens created in the dialog");
        var team = dialog.teams
                .getListDataView()
                .getItems()
                .filter(t -> t.id().equals(teamId))
                .findFirst()
                .orElseThrow();
        dialog.teams.setValue(Set.of(team));
        assertThat(dialog.preview.getElement().getTextRecursively()).contains("3 engineers in scope");
        assertThat(dialog.preview.getChildren().map(c -> c.getElement().getText()))
                .contains("Mira Screens · 3");

        test(dialog.create).click();

        assertThat(getCurrentView()).isInstanceOf(PreparationView.class);
        var preparation = (PreparationView) real(getCurrentView());
        assertThat(preparation.preparation.session().name()).isEqualTo("Screens created in the dialog");
        assertThat(preparation.preparation.progress())
                .singleElement()
                .satisfies(p -> assertThat(p.managerName() + " " + p.proposed() + "/" + p.total())
                        .isEqualTo("Mira Screens 0/3"));
    }

    @Test
    @WithUserDetails(MIRA)
    void aManagerProposesARatingWithRationaleForOneOfTheirPeople() {
        var id = session("Proposals");
        var view = real(navigate(PreparationView.class, Map.of("id", String.valueOf(id))));
        assertThat(view.preparation.mine()).hasSize(3);
        var pia = entryOf(id, "Pia");

        view.propose(view.preparation.mine().stream()
                .filter(e -> e.id().equals(pia.id()))
                .findFirst()
                .orElseThrow());
        var dialog = $(ProposalDialog.class).first();
        test(dialog.rating).selectItem("Exceeds");
        test(dialog.rationale).setValue("Led the cache migration and mentored Oli.");
        test(dialog.save).click();

        assertThat(dialog.isOpened()).isFalse();
        var current = (PreparationView) real(getCurrentView());
        assertThat(current.preparation.progress().getFirst().proposed()).isEqualTo(1);
        assertThat(entryOf(id, "Pia").proposedRating()).isEqualTo("Exceeds");
        assertThat(entryOf(id, "Pia").proposalRationale()).isEqualTo("Led the cache migration and mentored Oli.");
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void aParticipantChangesAFinalRatingOnTheBoardAndTheChartFollows() {
        var id = startedSession("Board");
        var view = board(id);
        var nia = entryOf(id, "Nia");
        assertThat(chartCount(view, "DSE-2", "Meets")).isEqualTo(2);

        view.save(view.entries.get(nia.id()), rendered -> EntryEdit.of(rendered).withFinalRating("Greatly exceeds"));
        // Away from the proposal (Meets): refused until the rationale is written.
        assertThat(entryOf(id, "Nia").finalRating()).isEqualTo("Meets");
        writeRationale("Set the direction of the team's consistency work.");

        assertThat(entryOf(id, "Nia").finalRating()).isEqualTo("Greatly exceeds");
        assertThat(chartCount(view, "DSE-2", "Meets")).isEqualTo(1);
        assertThat(chartCount(view, "DSE-2", "Greatly exceeds")).isEqualTo(1);
        // Ratings per manager stand next to the whole session and the organization's guideline (a reference bar).
        assertThat(view.managerChart.data().rows())
                .extracting(r -> r.cells().getFirst())
                .startsWith("Whole session", "Guideline");
        assertThat(view.managerChart.data().rows().get(1).cells()).contains("60%");
        assertThat(view.chart.chart().getOption()).contains("\"name\":\"Greatly exceeds\"");
        assertThat(view.entries.get(nia.id()).finalRating()).isEqualTo("Greatly exceeds");
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void aChangeByAnotherManagerArrivesLiveOnTheBoard() {
        var id = startedSession("Live");
        var view = board(id);
        var oli = entryOf(id, "Oli");
        fx().as(
                        DemoUsers.DIRECTOR,
                        () -> boardEntries.edit(
                                oli.id(),
                                oli.version(),
                                EntryEdit.of(oli).withFinalRating("Below"),
                                "Missed the agreed commitments."));

        // What the LISTEN/NOTIFY subscription hands to the board inside ui.access.
        view.onLive(new LiveMessage(LiveMessage.Kind.ENTRY, oli.id()));

        assertThat(view.entries.get(oli.id()).finalRating()).isEqualTo("Below");
        assertThat(chartCount(view, "DSE-2", "Below") + chartCount(view, "DSE-1", "Below"))
                .isEqualTo(1);
        view.onLive(new LiveMessage(LiveMessage.Kind.PRESENCE, null));
        assertThat(view.presence.getElement().getAttribute("data-viewers")).contains("Daniel Okafor (you)");
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void aStaleEditorIsToldWhoChangedTheRatingAndReappliesTheirChange() {
        var id = startedSession("Conflict");
        var view = board(id);
        var pia = entryOf(id, "Pia");
        view.openEntry(pia.id());
        var dialog = $(EntryDialog.class).first();
        assertThat(dialog.finalRating.getValue()).isEqualTo("Meets");

        // Priya saves first, while Daniel's dialog still holds the version it loaded.
        fx().as(
                        DemoUsers.DIRECTOR,
                        () -> boardEntries.edit(
                                pia.id(),
                                pia.version(),
                                EntryEdit.of(pia).withFinalRating("Exceeds"),
                                "Drove the cross-team design."));
        view.onLive(new LiveMessage(LiveMessage.Kind.ENTRY, pia.id()));
        assertThat(dialog.elsewhere.isVisible()).isTrue();

        test(dialog.finalRating).selectItem("Below");
        test(dialog.notes).setValue(NOTES);
        test(dialog.save).click();

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.conflict.isVisible()).isTrue();
        assertThat(dialog.conflict.getElement().getTextRecursively())
                .contains("Priya Natarajan changed this rating to Exceeds while you were editing; your change was"
                        + " not saved.")
                .contains("Your change was: final rating Below, the notes.");
        assertThat(dialog.finalRating.getValue()).as("the fresh value").isEqualTo("Exceeds");
        assertThat(entryOf(id, "Pia").finalRating()).isEqualTo("Exceeds");

        test($(Button.class).id("entry-reapply")).click();
        assertThat(dialog.finalRating.getValue()).isEqualTo("Below");
        test(dialog.save).click();
        writeRationale("Two incidents this half were handled late.");

        assertThat(dialog.isOpened()).isFalse();
        var saved = entryOf(id, "Pia");
        assertThat(saved.finalRating()).isEqualTo("Below");
        assertThat(saved.notes()).isEqualTo(NOTES);
        assertThat(fx().as(DemoUsers.ADMIN, () -> boards.history(pia.id())))
                .extracting(c -> c.actorName() + ": " + c.to())
                .contains("Daniel Okafor: Below", "Priya Natarajan: Exceeds");
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void aFacilitatorComparesTwoCandidatesSideBySide() {
        var id = startedSession("Compare");
        var view = board(id);
        assertThat(view.compare.isEnabled()).isFalse();
        view.toggleCompare(entryOf(id, "Nia").id(), true);
        view.toggleCompare(entryOf(id, "Pia").id(), true);
        assertThat(view.compare.getText()).isEqualTo("Compare (2)");
        test($(Button.class).id("compare")).click();
        var dialog = $(ComparisonDialog.class).first();
        var text = dialog.getElement().getTextRecursively();
        assertThat(text).contains("Nia Screens", "Pia Screens", "Evidence coverage", "DSE-2", "Meets", "No case");
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void filtersNarrowTheBoardAndTheChart() {
        var id = startedSession("Filters");
        var view = board(id);
        view.filters.level.setValue("DSE-1");
        var names = view.grid.getTreeData().getRootItems().stream()
                .flatMap(tier -> view.grid.getTreeData().getChildren(tier).stream())
                .flatMap(level -> view.grid.getTreeData().getChildren(level).stream())
                .map(n -> n.entry.personName())
                .toList();
        assertThat(names).containsExactly("Oli Screens");
        assertThat(view.chart.data().rows())
                .extracting(r -> r.cells().getFirst())
                .allMatch(level -> level.startsWith("DSE-1"))
                .isNotEmpty();
        view.filters.level.clear();
        view.filters.rating.setValue("Meets");
        assertThat(view.grid.getTreeData().getRootItems()).isNotEmpty();
        view.filters.hasCase.setValue(true);
        assertThat(view.grid.getTreeData().getRootItems())
                .as("nobody has a case")
                .isEmpty();
    }

    @Test
    @WithUserDetails(NIA)
    void anEngineerReadsTheirOutcomeButNeverTheNotes() {
        var id = startedSession("Outcome");
        var nia = entryOf(id, "Nia");
        fx().run(DemoUsers.ADMIN, () -> {
            boardEntries.edit(
                    nia.id(),
                    nia.version(),
                    EntryEdit.of(nia).withFinalRating("Exceeds").withNotes(NOTES),
                    "Drove the cross-team design.");
            lifecycle.lock(id, sessions.session(id).version());
            lifecycle.publish(id, sessions.session(id).version(), LocalDate.now());
        });
        var view = navigate(MyCalibrationView.class);
        var text = view.getElement().getTextRecursively();
        assertThat(text).contains("Final rating", "Exceeds", "2026-H2", "No promotion case this cycle");
        assertThat(text).doesNotContain(NOTES);
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    @SuppressWarnings("unchecked")
    void aParticipantDecidesAPromotionCaseOnTheBoard() {
        // A cycle of its own: the case is linked only to this session.
        var cycle = "S-" + UUID.randomUUID().toString().substring(0, 6);
        var caseId = fx().as(MIRA, () -> {
            var id = promotions.nominate(people.get("Oli"), "DSE-2", cycle, "Oli works at DSE-2 scope already.");
            promotions.submit(id, promotions.details(id).version(), null);
            return id;
        });
        var invited = Set.of(SystemAuthentication.call(
                () -> accounts.findByUsername(DemoUsers.MANAGER).orElseThrow().personId()));
        var id = fx().as(
                        DemoUsers.ADMIN,
                        () -> sessions.create(
                                new NewSession("Decisions", cycle, Set.of(teamId), Set.of(), invited, null)));
        fx().run(DemoUsers.ADMIN, () -> lifecycle.start(id, sessions.session(id).version()));
        var view = board(id);
        var oli = view.entries.get(entryOf(id, "Oli").id());
        assertThat(oli.caseId()).isEqualTo(caseId);
        assertThat(view.board.cases().get(people.get("Oli")).status())
                .isEqualTo(app.rungs.promotion.domain.CaseStatus.IN_CALIBRATION);

        // The row's promotion cell offers the committee's choices, and a pick there decides the case.
        var row = new BoardNode("entry:" + oli.id(), null, null, oli);
        var promotion = rendererOf(view, "Promotion");
        assertThat(labels(promotion.getValueProviders().get("decisionItems").apply(row)))
                .containsExactly("Undecided", "Promote", "Not yet");
        view.columns.decide(oli, "PROMOTE");
        assertThat(entryOf(id, "Oli").decision()).isEqualTo(app.rungs.calibration.domain.Decision.PROMOTE);
        // A value that is no decision changes nothing.
        view.columns.decide(view.entries.get(oli.id()), "MAYBE");
        assertThat(entryOf(id, "Oli").decision()).isEqualTo(app.rungs.calibration.domain.Decision.PROMOTE);
    }

    @SuppressWarnings("unchecked")
    private static LitRenderer<BoardNode> rendererOf(BoardView view, String header) {
        return (LitRenderer<BoardNode>) view.grid.getColumns().stream()
                .filter(c -> header.equals(c.getHeaderText()))
                .findFirst()
                .orElseThrow()
                .getRenderer();
    }

    @SuppressWarnings("unchecked")
    private static java.util.List<String> labels(Object items) {
        return ((java.util.List<BoardColumns.Choice>) items)
                .stream().map(BoardColumns.Choice::getLabel).toList();
    }

    @Test
    @WithUserDetails(NIA)
    void anEngineerCannotOpenASessionBoard() {
        var id = startedSession("Closed");
        UI.getCurrent().navigate("calibration/" + id);
        roundTrip();
        assertThat(getCurrentView()).isNotInstanceOf(BoardView.class);
        UI.getCurrent().navigate("calibration");
        roundTrip();
        assertThat(getCurrentView()).isNotInstanceOf(SessionsView.class);
    }

    @Test
    @WithUserDetails(DemoUsers.OTHER_MANAGER)
    void aManagerOutsideTheCommitteeGetsNotFound() {
        var id = startedSession("Outsider");
        UI.getCurrent().navigate("calibration/" + id);
        roundTrip();
        assertThat(getCurrentView()).isNotInstanceOf(BoardView.class);
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    @SuppressWarnings("unchecked")
    void theInlineRatingSelectSavesWithTheVersionTheRowWasRenderedWith() {
        var id = startedSession("Inline");
        var view = board(id);
        var oli = entryOf(id, "Oli");
        var row = new BoardNode("entry:" + oli.id(), null, null, oli);
        var finalRating = rendererOf(view, "Final rating");
        assertThat(finalRating.getValueProviders().get("mayRate").apply(row)).isEqualTo(true);
        var choices = new java.util.ArrayList<>(java.util.List.of("Not rated"));
        choices.addAll(view.board.session().scale());
        assertThat(labels(finalRating.getValueProviders().get("ratingItems").apply(row)))
                .containsExactlyElementsOf(choices)
                .contains("Exceeds", "Below");
        view.columns.rate(oli, "Exceeds");
        writeRationale("Drove the cross-team design.");
        assertThat(entryOf(id, "Oli").finalRating()).isEqualTo("Exceeds");
        // A pick in a row rendered from the old version is stale: the change is refused and the row refreshed.
        view.columns.rate(oli, "Below");
        assertThat(entryOf(id, "Oli").finalRating()).isEqualTo("Exceeds");
        assertThat(view.entries.get(oli.id()).finalRating()).isEqualTo("Exceeds");
        // A rating outside the session's scale changes nothing.
        view.columns.rate(view.entries.get(oli.id()), "Superb");
        assertThat(entryOf(id, "Oli").finalRating()).isEqualTo("Exceeds");
    }

    /** Answers the rationale the board asks for when a final rating leaves the proposal. */
    private void writeRationale(String text) {
        var dialog = $(RationaleDialog.class).first();
        assertThat(dialog.isOpened()).isTrue();
        test(dialog.reason).setValue(text);
        test($(Button.class).id("rationale-save")).click();
    }

    /** How many engineers of a level the distribution chart's data table counts with a rating (0 when not shown). */
    private static int chartCount(BoardView view, String level, String rating) {
        var table = view.chart.data();
        int column = table.headers().indexOf(rating);
        return table.rows().stream()
                .filter(r -> r.cells().getFirst().equals(level)
                        || r.cells().getFirst().startsWith(level + " ("))
                .findFirst()
                .map(r -> column < 0 ? 0 : Integer.parseInt(r.cells().get(column)))
                .orElse(0);
    }
}
