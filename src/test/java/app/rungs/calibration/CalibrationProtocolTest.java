package app.rungs.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import app.rungs.calibration.service.BoardEntries;
import app.rungs.calibration.service.BoardEntry;
import app.rungs.calibration.service.CalibrationAgenda;
import app.rungs.calibration.service.CalibrationBoard;
import app.rungs.calibration.service.CalibrationSessions;
import app.rungs.calibration.service.EntryEdit;
import app.rungs.calibration.service.NewSession;
import app.rungs.calibration.service.PreRatings;
import app.rungs.calibration.service.RationaleRequiredException;
import app.rungs.calibration.service.SessionLifecycle;
import app.rungs.calibration.service.SessionRecord;
import app.rungs.calibration.service.Spread;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.security.service.AccountService;
import app.rungs.shared.service.ValidationException;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.StatementCounter;
import jakarta.persistence.EntityManagerFactory;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The calibration protocol on a real session: blind pre-ratings revealed together at the start, the outliers-first
 * agenda with time per engineer and the report by team, level and manager, and the rationale a final rating needs
 * when it moves away from the proposal, with the change log as CSV.
 */
@IntegrationTest
class CalibrationProtocolTest {

    @Autowired
    PreRatings preRatings;

    @Autowired
    CalibrationAgenda agendas;

    @Autowired
    SessionRecord records;

    @Autowired
    BoardEntries boardEntries;

    @Autowired
    CalibrationBoard boards;

    @Autowired
    CalibrationSessions sessions;

    @Autowired
    SessionLifecycle lifecycle;

    @Autowired
    PeopleService people;

    @Autowired
    PersonEditingService peopleEditing;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    EntityManagerFactory emf;

    @Autowired
    DataSource dataSource;

    CalibrationFixtures fx;
    CalibrationFixtures.Org org;
    Long id;

    @BeforeEach
    void session() {
        fx = new CalibrationFixtures(people, peopleEditing, accounts, users, sessions);
        org = fx.org();
        id = fx.session(org, "2026-H2");
    }

    private BoardEntry entry(String firstName) {
        return fx.as(org.director(), () -> boards.board(id)).entries().stream()
                .filter(e -> e.personId().equals(org.person(firstName)))
                .findFirst()
                .orElseThrow();
    }

    private void preRate(String manager, String engineer, String rating) {
        fx.as(manager, () -> preRatings.rate(id, entry(engineer).id(), rating));
    }

    private void start() {
        fx.run(org.director(), () -> lifecycle.start(id, sessions.session(id).version()));
    }

    @Test
    void preRatingsAreBlindUntilTheStartRevealsThemTogetherWithTheSpread() {
        preRate(org.managerA(), "Ada", "Exceeds");
        preRate(org.managerB(), "Ada", "Below");
        preRate(org.managerB(), "Ben", "Meets");

        // Each participant reads their own pre-rating of Ada only; progress shows counts, never ratings.
        var alex = fx.as(org.managerA(), () -> preRatings.form(id));
        var bea = fx.as(org.managerB(), () -> preRatings.form(id));
        assertThat(alex.mayRate()).isTrue();
        assertThat(alex.rows())
                .filteredOn(r -> r.personName().startsWith("Test Ada"))
                .singleElement()
                .extracting(r -> r.myRating())
                .isEqualTo("Exceeds");
        assertThat(bea.rows())
                .filteredOn(r -> r.personName().startsWith("Test Ada"))
                .singleElement()
                .extracting(r -> r.myRating())
                .isEqualTo("Below");
        assertThat(bea.progress())
                .extracting(p -> p.participantName().split(" ")[0], p -> p.rated(), p -> p.total())
                .containsExactlyInAnyOrder(tuple("Alex", 1, 5), tuple("Bea", 2, 5));
        for (var who : new String[] {org.managerA(), org.managerB(), org.director()}) {
            assertThatThrownBy(() -> fx.as(who, () -> preRatings.revealed(id)))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("hidden until the facilitator starts the session");
            assertThat(fx.as(who, () -> agendas.agenda(id)).revealed()).isFalse();
        }

        start();

        var spread = fx.as(org.managerA(), () -> preRatings.revealed(id))
                .get(entry("Ada").id());
        assertThat(spread.votes())
                .extracting(v -> v.raterName().split(" ")[0], Spread.Vote::rating, Spread.Vote::manager)
                .containsExactly(tuple("Alex", "Exceeds", true), tuple("Bea", "Below", false));
        assertThat(spread.label()).isEqualTo("Below–Exceeds · 1 of 2 disagree");
        assertThat(fx.as(org.managerB(), () -> preRatings.revealed(id))
                        .get(entry("Ben").id())
                        .label())
                .isEqualTo("Meets · 1 pre-rating");
        assertThatThrownBy(() -> preRate(org.managerA(), "Ben", "Below"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("revealed and can no longer change");
    }

    @Test
    void aPreRatingOutsideTheScaleOrOfOneselfIsRefused() {
        assertThatThrownBy(() -> preRate(org.managerA(), "Ada", "Superb"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Choose one of the ratings of this session");
        assertThat(fx.as(org.managerA(), () -> preRatings.form(id)).rows()).allMatch(r -> r.myRating() == null);
    }

    @Test
    void theAgendaStartsWithTheLargestDisagreementAndRecordsTimePerEngineer() {
        // Ada: Below–Greatly exceeds (3 steps); Cy: Meets–Exceeds (1 step); Ben agreed; Dev, Eve not pre-rated.
        preRate(org.managerA(), "Ada", "Greatly exceeds");
        preRate(org.managerB(), "Ada", "Below");
        preRate(org.managerA(), "Cy", "Meets");
        preRate(org.managerB(), "Cy", "Exceeds");
        preRate(org.managerA(), "Ben", "Meets");
        preRate(org.managerB(), "Ben", "Meets");
        start();

        var agenda = fx.as(org.managerB(), () -> agendas.agenda(id));
        assertThat(agenda.items().stream()
                        .map(i -> i.personName().split(" ")[1])
                        .toList())
                .startsWith("Ada", "Cy");
        assertThat(agenda.items().getFirst().reason()).startsWith("Pre-ratings range Below–Greatly exceeds (3 steps)");
        assertThat(agenda.mayLead()).isFalse();
        assertThat(fx.as(org.director(), () -> agendas.agenda(id)).mayLead()).isTrue();

        // The facilitator discusses Ada, then moves on to Cy: Ada's time is booked (the clock is moved back 95 s).
        var ada = agenda.items().get(0).entryId();
        var cy = agenda.items().get(1).entryId();
        fx.run(org.director(), () -> agendas.moveTo(id, ada));
        JdbcClient.create(dataSource)
                .sql("update calibration_agenda set since = since - interval '95 seconds' where session_id = ?")
                .param(id)
                .update();
        fx.run(org.director(), () -> agendas.moveTo(id, cy));
        var after = fx.as(org.managerA(), () -> agendas.agenda(id));
        assertThat(after.currentEntryId()).isEqualTo(cy);
        assertThat(after.secondsSpent()).containsEntry(ada, 95L).doesNotContainKey(cy);

        var report = fx.as(org.managerA(), () -> records.timeReport(id));
        assertThat(report.people()).hasSize(5);
        assertThat(report.people().getFirst().label()).startsWith("Test Ada");
        assertThat(report.people().getFirst().seconds()).isEqualTo(95);
        assertThat(report.total().engineers()).isEqualTo(5);
        assertThat(report.total().seconds()).isEqualTo(95);
        assertThat(report.byTeam()).singleElement().extracting(l -> l.seconds()).isEqualTo(95L);
        assertThat(report.byManager())
                .extracting(l -> l.label().split(" ")[0], l -> l.engineers(), l -> l.seconds())
                .containsExactlyInAnyOrder(tuple("Alex", 3, 95L), tuple("Bea", 2, 0L));
        assertThat(report.byLevel())
                .extracting(l -> l.label(), l -> l.engineers(), l -> l.seconds())
                .containsExactlyInAnyOrder(tuple("DSE-3", 2, 95L), tuple("DSE-2", 3, 0L));

        // A participant does not run the agenda.
        assertThatThrownBy(() -> fx.run(org.managerA(), () -> agendas.moveTo(id, ada)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void aFinalRatingAwayFromTheProposalIsRefusedWithoutARationaleAndLoggedWithIt() {
        var ada = entry("Ada");
        fx.as(org.managerA(), () -> boardEntries.propose(ada.id(), ada.version(), "Exceeds", "Led the migration."));
        start();
        var started = entry("Ada");
        assertThat(started.finalRating()).isEqualTo("Exceeds");

        assertThatThrownBy(() -> fx.as(
                        org.director(),
                        () -> boardEntries.edit(
                                started.id(),
                                started.version(),
                                EntryEdit.of(started).withFinalRating("Meets"))))
                .isInstanceOf(RationaleRequiredException.class)
                .hasMessage("Write why " + started.personName() + "'s final rating is Meets when the proposal was"
                        + " Exceeds: a final rating that differs from the proposal needs a rationale. Nothing was"
                        + " saved.");
        assertThat(entry("Ada").finalRating()).isEqualTo("Exceeds");
        assertThat(entry("Ada").version()).isEqualTo(started.version());

        var changed = fx.as(
                org.director(),
                () -> boardEntries.edit(
                        started.id(),
                        started.version(),
                        EntryEdit.of(started).withFinalRating("Meets"),
                        "=HYPERLINK(\"x\") Scope was smaller than the peers'."));
        assertThat(changed.finalRating()).isEqualTo("Meets");
        // Back to the proposal needs no reason.
        fx.as(
                org.managerB(),
                () -> boardEntries.edit(
                        changed.id(), changed.version(), EntryEdit.of(changed).withFinalRating("Exceeds")));

        var log = fx.as(org.managerA(), () -> records.changeLog(id));
        var finals = log.stream().filter(r -> r.field().equals("Final rating")).toList();
        assertThat(finals)
                .extracting(r -> r.from(), r -> r.to(), r -> r.reason())
                .containsExactly(
                        tuple(null, "Exceeds", null),
                        tuple("Exceeds", "Meets", "=HYPERLINK(\"x\") Scope was smaller than the peers'."),
                        tuple("Meets", "Exceeds", null));

        var csv = new String(fx.as(org.director(), () -> records.changeLogCsv(id)), StandardCharsets.UTF_8);
        var lines = csv.substring(1).split("\r\n");
        assertThat(lines[0]).isEqualTo("When (UTC),Who,Engineer,Field,From,To,Why");
        assertThat(csv)
                .contains(",Final rating,Exceeds,Meets,\"'=HYPERLINK(\"\"x\"\") Scope was smaller than the peers'.\"")
                .contains("Proposed rating,,Exceeds,")
                .doesNotContain("Led the migration.");
    }

    @Test
    void agendaAndReportReadsTakeTheSameStatementsForFiveOrTenEngineers() {
        var other = fx.org();
        var big = fx.as(
                DemoUsers.ADMIN,
                () -> sessions.create(new NewSession(
                        "Protocol " + UUID.randomUUID().toString().substring(0, 6),
                        "2026-H2",
                        Set.of(org.teamId(), other.teamId()),
                        Set.of(),
                        Set.of(),
                        null)));
        fx.run(DemoUsers.ADMIN, () -> lifecycle.start(big, sessions.session(big).version()));
        preRate(org.managerA(), "Ada", "Exceeds");
        start();
        var counter = new StatementCounter(emf);
        long small = counter.count(() -> fx.as(org.director(), () -> agendas.agenda(id)));
        long large = counter.count(() -> fx.as(DemoUsers.ADMIN, () -> agendas.agenda(big)));
        long smallReport = counter.count(() -> fx.as(org.director(), () -> records.timeReport(id)));
        long largeReport = counter.count(() -> fx.as(DemoUsers.ADMIN, () -> records.timeReport(big)));
        long log = counter.count(() -> fx.as(DemoUsers.ADMIN, () -> records.changeLog(big)));
        System.out.printf(
                "Agenda statements: 5 engineers %d, 10 engineers %d; time report %d / %d; change log %d%n",
                small, large, smallReport, largeReport, log);
        assertThat(fx.as(DemoUsers.ADMIN, () -> agendas.agenda(big)).items()).hasSize(10);
        assertThat(large).isEqualTo(small).isLessThanOrEqualTo(10);
        assertThat(largeReport).isEqualTo(smallReport).isLessThanOrEqualTo(6);
        assertThat(log).isLessThanOrEqualTo(6);
    }
}
