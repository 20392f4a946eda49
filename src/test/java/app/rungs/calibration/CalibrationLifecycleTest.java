package app.rungs.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.audit.service.AuditFilter;
import app.rungs.audit.service.AuditService;
import app.rungs.calibration.domain.Decision;
import app.rungs.calibration.domain.SessionAction;
import app.rungs.calibration.domain.SessionStatus;
import app.rungs.calibration.service.BoardEntries;
import app.rungs.calibration.service.BoardEntry;
import app.rungs.calibration.service.CalibrationBoard;
import app.rungs.calibration.service.CalibrationOutcomes;
import app.rungs.calibration.service.CalibrationPreparation;
import app.rungs.calibration.service.CalibrationSessions;
import app.rungs.calibration.service.EntryEdit;
import app.rungs.calibration.service.NewSession;
import app.rungs.calibration.service.SessionLifecycle;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.shared.service.ValidationException;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Every status transition of a session, and who may make it. */
@IntegrationTest
class CalibrationLifecycleTest {

    static final String CYCLE = "2026-H2";

    @Autowired
    BoardEntries boardEntries;

    @Autowired
    CalibrationBoard boards;

    @Autowired
    CalibrationOutcomes calibrationOutcomes;

    @Autowired
    CalibrationPreparation preparations;

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
    AuditService audit;

    CalibrationFixtures fx;
    CalibrationFixtures.Org org;

    @BeforeEach
    void org() {
        fx = new CalibrationFixtures(people, peopleEditing, accounts, users, sessions);
        org = fx.org();
    }

    private List<BoardEntry> board(String user, Long id) {
        return fx.as(user, () -> boards.board(id).entries());
    }

    private BoardEntry entryOf(String user, Long id, String firstName) {
        return board(user, id).stream()
                .filter(e -> e.personId().equals(org.person(firstName)))
                .findFirst()
                .orElseThrow();
    }

    private long version(Long id) {
        return fx.as(org.director(), () -> sessions.session(id).version());
    }

    private void proposeAll(Long id) {
        for (var manager : List.of(org.managerA(), org.managerB())) {
            fx.run(manager, () -> {
                for (var e : preparations.preparation(id).mine()) {
                    boardEntries.propose(e.id(), e.version(), "Meets", "Solid half.");
                }
            });
        }
    }

    @Test
    void aDirectorCreatesASessionThatPullsInTheEngineersOfTheTeam() {
        var id = fx.session(org, CYCLE);

        var session = fx.as(org.director(), () -> sessions.session(id));
        assertThat(session.status()).isEqualTo(SessionStatus.PREPARING);
        assertThat(session.facilitatorName()).startsWith("Dana Director");
        assertThat(session.participantNames())
                .hasSize(2)
                .allMatch(n -> n.startsWith("Alex Manager") || n.startsWith("Bea Manager"));
        assertThat(session.scale()).containsExactly("Below", "Meets", "Exceeds", "Greatly exceeds");
        assertThat(session.teamNames()).containsExactly(org.teamName());
        assertThat(session.actions())
                .contains(SessionAction.START, SessionAction.PROPOSE)
                .doesNotContain(SessionAction.RATE);

        var entries = board(org.director(), id);
        // The managers take part; they are not calibrated in their own session, and neither is the facilitator.
        assertThat(entries)
                .extracting(BoardEntry::personId)
                .containsExactlyInAnyOrder(
                        org.person("Ada"), org.person("Ben"), org.person("Cy"), org.person("Dev"), org.person("Eve"));
        assertThat(entries).allMatch(e -> e.decision() == Decision.NO_CASE && e.finalRating() == null);

        var progress = fx.as(org.director(), () -> preparations.preparation(id).progress());
        assertThat(progress)
                .extracting(p -> p.managerName().substring(0, 3) + " " + p.proposed() + "/" + p.total())
                .containsExactly("Ale 0/3", "Bea 0/2");

        var rows = fx.as(org.managerA(), () -> sessions.find(PageRequest.of(0, 50)));
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.id()).isEqualTo(id);
            assertThat(r.engineers()).isEqualTo(5);
        });
        var created = SystemAuthentication.call(() -> audit.find(
                        new AuditFilter(
                                null, "CALIBRATION_CREATED", "CalibrationSession", String.valueOf(id), null, null),
                        PageRequest.of(0, 50)))
                .stream()
                .filter(e -> e.objectId().equals(String.valueOf(id)))
                .toList();
        assertThat(created).hasSize(1);
        assertThat(created.getFirst().actor()).isEqualTo(org.director());
    }

    @Test
    void aScopeByLevelPullsInOnlyThoseLevels() {
        var id = fx.as(
                org.director(),
                () -> sessions.create(
                        new NewSession("DSE-2 only", CYCLE, Set.of(org.teamId()), Set.of("DSE-2"), Set.of(), null)));
        assertThat(board(org.director(), id))
                .extracting(BoardEntry::personId)
                .containsExactlyInAnyOrder(org.person("Ben"), org.person("Cy"), org.person("Dev"));
    }

    @Test
    void badInputIsRefusedWithClearMessagesAndNothingIsCreated() {
        long before = fx.as(org.director(), () -> sessions.count());
        assertThatThrownBy(() -> fx.as(
                        org.director(),
                        () -> sessions.create(
                                new NewSession(" ", "not a cycle!", Set.of(), Set.of(), Set.of(), List.of("Only")))))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems())
                        .containsExactly(
                                "Give the session a name, like \"2026-H2 Storage & Streaming\".",
                                "Give the cycle as 2 to 20 letters, digits, spaces, dots, dashes or underscores, like "
                                        + app.rungs.promotion.service.Cycles.of(LocalDate.now()) + ".",
                                "A rating scale has 2 to 7 ratings; this one has 1.",
                                "Choose the teams, the levels, or both, whose engineers this session calibrates."));
        assertThatThrownBy(() -> fx.as(
                        org.director(),
                        () -> sessions.create(new NewSession(
                                "Dup", CYCLE, Set.of(org.teamId()), Set.of(), Set.of(), List.of("A", "B", "a")))))
                .hasMessage("The rating \"a\" appears twice in the scale.");
        // A manager's scope is limited to their reporting line: Daniel sees nobody of this team.
        assertThatThrownBy(() -> fx.as(
                        DemoUsers.MANAGER,
                        () -> sessions.create(
                                new NewSession("Not mine", CYCLE, Set.of(org.teamId()), Set.of(), Set.of(), null))))
                .hasMessage("No active engineer with a manager matches this scope in your reporting line.");
        assertThat(fx.as(org.director(), () -> sessions.count())).isEqualTo(before);
    }

    @Test
    void aSessionGoesFromPreparingThroughTheSessionAndLockToPublished() {
        var id = fx.session(org, CYCLE);
        proposeAll(id);

        fx.run(org.director(), () -> lifecycle.start(id, version(id)));
        var started = fx.as(org.director(), () -> sessions.session(id));
        assertThat(started.status()).isEqualTo(SessionStatus.IN_SESSION);
        assertThat(started.startedAt()).isNotNull();
        // Proposals are the starting final ratings.
        assertThat(board(org.director(), id)).allMatch(e -> "Meets".equals(e.finalRating()));

        var ben = entryOf(org.managerA(), id, "Ben");
        fx.as(
                org.managerB(),
                () -> boardEntries.edit(
                        ben.id(),
                        ben.version(),
                        EntryEdit.of(ben).withFinalRating("Exceeds"),
                        "Led the on-call rework."));

        fx.run(org.director(), () -> lifecycle.lock(id, version(id)));
        assertThat(fx.as(org.director(), () -> sessions.session(id)).status()).isEqualTo(SessionStatus.LOCKED);

        fx.run(
                DemoUsers.ADMIN,
                () -> lifecycle.publish(id, version(id), LocalDate.now().plusDays(5)));
        var published = fx.as(org.director(), () -> sessions.session(id));
        assertThat(published.status()).isEqualTo(SessionStatus.PUBLISHED);
        assertThat(published.effectiveDate()).isEqualTo(LocalDate.now().plusDays(5));
        assertThat(published.actions()).containsExactly(SessionAction.EXPORT);
        assertThat(fx.as(org.engineer("Ben"), () -> calibrationOutcomes.myOutcomes()))
                .singleElement()
                .satisfies(o -> {
                    assertThat(o.finalRating()).isEqualTo("Exceeds");
                    assertThat(o.decision()).isEqualTo(Decision.NO_CASE);
                });
    }

    @Test
    void onlyTheFacilitatorOrAnAdminStartsLocksAndReopens() {
        var id = fx.session(org, CYCLE);
        proposeAll(id);
        assertThatThrownBy(() -> fx.run(org.managerA(), () -> lifecycle.start(id, version(id))))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageStartingWith("Only the facilitator (Dana Director");
        fx.run(DemoUsers.ADMIN, () -> lifecycle.start(id, version(id)));
        assertThatThrownBy(() -> fx.run(org.managerB(), () -> lifecycle.lock(id, version(id))))
                .isInstanceOf(AccessDeniedException.class);
        fx.run(org.director(), () -> lifecycle.lock(id, version(id)));
        assertThatThrownBy(() -> fx.run(org.managerA(), () -> lifecycle.reopen(id, version(id))))
                .isInstanceOf(AccessDeniedException.class);
        // Publishing changes levels, which only admins do.
        assertThatThrownBy(() -> fx.run(org.director(), () -> lifecycle.publish(id, version(id), LocalDate.now())))
                .isInstanceOf(AccessDeniedException.class);
        fx.run(org.director(), () -> lifecycle.reopen(id, version(id)));
        assertThat(fx.as(org.director(), () -> sessions.session(id)).status()).isEqualTo(SessionStatus.IN_SESSION);
    }

    @Test
    void transitionsOutOfOrderAreRefused() {
        var id = fx.session(org, CYCLE);
        assertThatThrownBy(() -> fx.run(org.director(), () -> lifecycle.lock(id, version(id))))
                .hasMessage("The session is preparing; you can lock it only when it is in session.");
        assertThatThrownBy(() -> fx.run(DemoUsers.ADMIN, () -> lifecycle.publish(id, version(id), LocalDate.now())))
                .hasMessage("The session is preparing; you can publish it only when it is locked.");
        fx.run(org.director(), () -> lifecycle.start(id, version(id)));
        assertThatThrownBy(() -> fx.run(org.director(), () -> lifecycle.start(id, version(id))))
                .hasMessage("The session is in session; you can start it only when it is preparing.");
        // A stale session version is refused too.
        assertThatThrownBy(() -> fx.run(org.director(), () -> lifecycle.lock(id, version(id) - 1)))
                .isInstanceOf(app.rungs.shared.service.ConcurrentEditException.class);
    }

    @Test
    void lockingNeedsEveryEngineerRated() {
        var id = fx.session(org, CYCLE);
        fx.run(org.managerA(), () -> {
            var mine = preparations.preparation(id).mine();
            boardEntries.propose(mine.getFirst().id(), mine.getFirst().version(), "Exceeds", "Great half.");
        });
        fx.run(org.director(), () -> lifecycle.start(id, version(id)));
        assertThatThrownBy(() -> fx.run(org.director(), () -> lifecycle.lock(id, version(id))))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("4 engineers have no final rating yet: ");
        assertThat(fx.as(org.director(), () -> sessions.session(id)).status()).isEqualTo(SessionStatus.IN_SESSION);
    }

    @Test
    void aLockedSessionRefusesRatingChangesUntilItIsReopened() {
        var id = fx.session(org, CYCLE);
        proposeAll(id);
        fx.run(org.director(), () -> lifecycle.start(id, version(id)));
        fx.run(org.director(), () -> lifecycle.lock(id, version(id)));

        var ada = entryOf(org.managerA(), id, "Ada");
        assertThatThrownBy(() -> fx.as(
                        org.managerA(),
                        () -> boardEntries.edit(
                                ada.id(), ada.version(), EntryEdit.of(ada).withFinalRating("Below"))))
                .isInstanceOf(ValidationException.class)
                .hasMessage("The session is locked, so ratings and decisions are frozen; the facilitator can reopen"
                        + " it.");
        assertThatThrownBy(() -> fx.as(
                        org.managerA(), () -> boardEntries.propose(ada.id(), ada.version(), "Below", "Late idea.")))
                .hasMessage(
                        "The session has started, so proposals are frozen; the committee sets the final rating now.");
        assertThat(entryOf(org.managerA(), id, "Ada").finalRating()).isEqualTo("Meets");

        fx.run(org.director(), () -> lifecycle.reopen(id, version(id)));
        var changed = fx.as(
                org.managerA(),
                () -> boardEntries.edit(
                        ada.id(),
                        ada.version(),
                        EntryEdit.of(ada).withFinalRating("Below"),
                        "Missed two commitments the committee checked."));
        assertThat(changed.finalRating()).isEqualTo("Below");
    }

    @Test
    void whilePreparingOnlyProposalsAndNotesChange() {
        var id = fx.session(org, CYCLE);
        var ada = entryOf(org.managerA(), id, "Ada");
        assertThatThrownBy(() -> fx.as(
                        org.managerA(),
                        () -> boardEntries.edit(
                                ada.id(), ada.version(), EntryEdit.of(ada).withFinalRating("Meets"))))
                .hasMessageStartingWith("Final ratings and promotion decisions are set once the session has started");
        var noted = fx.as(
                org.managerA(),
                () -> boardEntries.edit(
                        ada.id(), ada.version(), EntryEdit.of(ada).withNotes("Ask about on-call.")));
        assertThat(noted.notes()).isEqualTo("Ask about on-call.");
        assertThatThrownBy(() ->
                        fx.as(org.managerA(), () -> boardEntries.propose(ada.id(), noted.version(), "Superb", "x")))
                .hasMessage("Choose one of the ratings of this session: Below, Meets, Exceeds, Greatly exceeds.");
        assertThatThrownBy(() ->
                        fx.as(org.managerA(), () -> boardEntries.propose(ada.id(), noted.version(), "Exceeds", " ")))
                .hasMessage("Write the rationale for proposing Exceeds for " + ada.personName() + ".");
    }
}
