package app.rungs.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.calibration.service.BoardEntries;
import app.rungs.calibration.service.CalibrationBoard;
import app.rungs.calibration.service.CalibrationPreparation;
import app.rungs.calibration.service.CalibrationPresence;
import app.rungs.calibration.service.CalibrationSessions;
import app.rungs.calibration.service.EntryEdit;
import app.rungs.calibration.service.LiveMessage;
import app.rungs.calibration.service.SessionLifecycle;
import app.rungs.calibration.service.Viewer;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.security.service.AccountService;
import app.rungs.shared.live.LiveEvents;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.SuperuserDatabase;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The LISTEN/NOTIFY path: a change committed through the service reaches the subscribers of its session, also when
 * made by another instance; and who is viewing is kept in PostgreSQL with a heartbeat, not in this JVM.
 */
@IntegrationTest
class CalibrationLiveTest {

    @Autowired
    BoardEntries boardEntries;

    @Autowired
    CalibrationBoard boards;

    @Autowired
    CalibrationPreparation preparations;

    @Autowired
    CalibrationPresence presence;

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
    LiveEvents live;

    @Autowired
    DataSource dataSource;

    CalibrationFixtures fx;
    CalibrationFixtures.Org org;
    Long id;

    @BeforeEach
    void startedSession() throws InterruptedException {
        fx = new CalibrationFixtures(people, peopleEditing, accounts, users, sessions);
        org = fx.org();
        id = fx.session(org, "2026-H2");
        for (var manager : List.of(org.managerA(), org.managerB())) {
            fx.run(manager, () -> {
                for (var e : preparations.preparation(id).mine()) {
                    boardEntries.propose(e.id(), e.version(), "Meets", "Solid half.");
                }
            });
        }
        for (int i = 0; i < 100 && !live.isListening(); i++) {
            Thread.sleep(100);
        }
        assertThat(live.isListening()).isTrue();
        // Start the session and wait until its announcement went by, so the tests hear only their own changes.
        var started = new LinkedBlockingQueue<LiveMessage>();
        var registration = fx.as(org.director(), () -> presence.watch(id, started::add));
        try {
            fx.run(
                    org.director(),
                    () -> lifecycle.start(id, sessions.session(id).version()));
            // Notifications arrive in commit order: once the start is heard, every earlier proposal was too.
            LiveMessage heard;
            do {
                heard = started.poll(10, TimeUnit.SECONDS);
                assertThat(heard).as("the start of the session is announced").isNotNull();
            } while (heard.kind() != LiveMessage.Kind.SESSION);
        } finally {
            registration.run();
        }
    }

    @Test
    void aChangeCommittedThroughTheServiceReachesTheSubscribersOfItsSession() throws Exception {
        var received = new LinkedBlockingQueue<LiveMessage>();
        var registration = fx.as(org.managerA(), () -> presence.watch(id, received::add));
        var other = fx.session(org, "2026-H2");
        var unrelated = new LinkedBlockingQueue<LiveMessage>();
        var otherRegistration = fx.as(org.managerA(), () -> presence.watch(other, unrelated::add));
        try {
            var entry = fx.as(org.managerB(), () -> boards.board(id).entries().getFirst());
            fx.as(
                    org.managerB(),
                    () -> boardEntries.edit(
                            entry.id(),
                            entry.version(),
                            EntryEdit.of(entry).withFinalRating("Exceeds"),
                            "Drove the cross-team design."));

            var message = received.poll(10, TimeUnit.SECONDS);
            assertThat(message).isEqualTo(new LiveMessage(LiveMessage.Kind.ENTRY, entry.id()));
            // A subscriber reloads the entry through the service and sees the committed value.
            assertThat(fx.as(org.managerA(), () -> boards.entry(id, message.entryId()))
                            .finalRating())
                    .isEqualTo("Exceeds");
            assertThat(unrelated.poll(300, TimeUnit.MILLISECONDS))
                    .as("other sessions hear nothing")
                    .isNull();

            // A refused change is never announced.
            assertThatThrownBy(() -> fx.as(
                            org.managerB(),
                            () -> boardEntries.edit(
                                    entry.id(),
                                    entry.version(),
                                    EntryEdit.of(entry).withFinalRating("Below"))))
                    .isInstanceOf(app.rungs.calibration.service.RatingConflictException.class);
            assertThat(received.poll(500, TimeUnit.MILLISECONDS)).isNull();

            fx.run(org.director(), () -> lifecycle.lock(id, sessions.session(id).version()));
            assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo(new LiveMessage(LiveMessage.Kind.SESSION, null));
        } finally {
            registration.run();
            otherRegistration.run();
        }
    }

    @Test
    void aChangeMadeOnAnotherInstanceReachesThisOne() throws Exception {
        var received = new LinkedBlockingQueue<LiveMessage>();
        var registration = fx.as(org.managerA(), () -> presence.watch(id, received::add));
        try {
            // Another instance is just another connection to the same database.
            try (var instanceB = SuperuserDatabase.dataSource(dataSource).getConnection()) {
                instanceB.createStatement().execute("select pg_notify('rungs_live', 'calibration-" + id + "|4242')");
            }
            assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo(new LiveMessage(LiveMessage.Kind.ENTRY, 4242L));
        } finally {
            registration.run();
        }
    }

    @Test
    void outsidersCannotListenToASession() {
        assertThatThrownBy(() -> fx.as(DemoUsers.MANAGER, () -> presence.watch(id, m -> {})))
                .isInstanceOf(app.rungs.shared.service.NotFoundException.class);
    }

    @Test
    void whoIsViewingIsKeptInTheDatabaseAndExpiresWithoutHeartbeat() throws Exception {
        var jdbc = new JdbcTemplate(dataSource);
        var received = new LinkedBlockingQueue<LiveMessage>();
        var registration = fx.as(org.director(), () -> presence.watch(id, received::add));
        try {
            var boardOfA = UUID.randomUUID().toString();
            var boardOfB = UUID.randomUUID().toString();
            fx.as(org.managerA(), () -> presence.here(id, boardOfA));
            assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo(new LiveMessage(LiveMessage.Kind.PRESENCE, null));
            var viewers = fx.as(org.managerB(), () -> presence.here(id, boardOfB));
            assertThat(viewers).extracting(Viewer::username).containsExactlyInAnyOrder(org.managerA(), org.managerB());
            assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo(new LiveMessage(LiveMessage.Kind.PRESENCE, null));
            // Another instance sees the same viewers: they are rows, not memory.
            assertThat(jdbc.queryForObject(
                            "select count(*) from calibration_presence where session_id = ?", Integer.class, id))
                    .isEqualTo(2);

            // A heartbeat of a known board announces nothing.
            fx.as(org.managerA(), () -> presence.here(id, boardOfA));
            assertThat(received.poll(300, TimeUnit.MILLISECONDS)).isNull();

            // A's browser went away without closing the board: after 30 s without heartbeat A is gone.
            jdbc.update(
                    "update calibration_presence set last_seen = now() - interval '31 seconds' where viewer_id = ?",
                    boardOfA);
            assertThat(fx.as(org.director(), () -> presence.viewers(id)))
                    .extracting(Viewer::username)
                    .containsExactly(org.managerB());

            // B closes the board: the row goes and the others hear of it.
            fx.run(org.managerB(), () -> presence.leave(id, boardOfB));
            assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo(new LiveMessage(LiveMessage.Kind.PRESENCE, null));
            assertThat(fx.as(org.director(), () -> presence.viewers(id))).isEmpty();
            // Only one's own board can be closed.
            fx.run(org.managerB(), () -> presence.leave(id, boardOfA));
            assertThat(jdbc.queryForObject(
                            "select count(*) from calibration_presence where viewer_id = ?", Integer.class, boardOfA))
                    .isEqualTo(1);
        } finally {
            registration.run();
        }
    }
}
