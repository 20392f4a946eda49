package app.rungs.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.calibration.domain.Decision;
import app.rungs.calibration.service.BoardEntries;
import app.rungs.calibration.service.BoardEntry;
import app.rungs.calibration.service.CalibrationBoard;
import app.rungs.calibration.service.CalibrationOutcomes;
import app.rungs.calibration.service.CalibrationPreparation;
import app.rungs.calibration.service.CalibrationSessions;
import app.rungs.calibration.service.EntryEdit;
import app.rungs.calibration.service.Outcome;
import app.rungs.calibration.service.SessionLifecycle;
import app.rungs.notification.service.NotificationService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.security.service.AccountService;
import app.rungs.shared.service.NotFoundException;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Who sees which entries and fields: managers their own people while preparing; engineers only their outcome. */
@IntegrationTest
class CalibrationVisibilityTest {

    static final String SECRET = "Committee only: compare with the platform team before deciding.";

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
    NotificationService notifications;

    CalibrationFixtures fx;
    CalibrationFixtures.Org org;
    Long id;

    @BeforeEach
    void session() {
        fx = new CalibrationFixtures(people, peopleEditing, accounts, users, sessions);
        org = fx.org();
        id = fx.session(org, "2026-H2");
    }

    private List<Long> people(List<BoardEntry> entries) {
        return entries.stream().map(BoardEntry::personId).toList();
    }

    private long version() {
        return fx.as(org.director(), () -> sessions.session(id).version());
    }

    @Test
    void whilePreparingAManagerSeesAndProposesOnlyForTheirOwnPeople() {
        var mine = fx.as(org.managerA(), () -> preparations.preparation(id).mine());
        assertThat(people(mine)).containsExactlyInAnyOrder(org.person("Ada"), org.person("Ben"), org.person("Cy"));
        assertThat(people(fx.as(org.managerA(), () -> boards.board(id).entries())))
                .containsExactlyInAnyOrder(org.person("Ada"), org.person("Ben"), org.person("Cy"));
        assertThat(fx.as(org.managerA(), () -> sessions.session(id).seesAll())).isFalse();
        // Progress is shared: every manager sees how far the others are, not their proposals.
        assertThat(fx.as(org.managerA(), () -> preparations.preparation(id).progress()))
                .hasSize(2);

        var dev = fx.as(org.director(), () -> boards.board(id).entries()).stream()
                .filter(e -> e.personId().equals(org.person("Dev")))
                .findFirst()
                .orElseThrow();
        assertThatThrownBy(() -> fx.as(
                        org.managerA(), () -> boardEntries.propose(dev.id(), dev.version(), "Meets", "Not mine.")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fx.as(org.managerA(), () -> boards.history(dev.id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fx.as(org.managerA(), () -> boards.entry(id, dev.id())))
                .isInstanceOf(NotFoundException.class);
        var proposed = fx.as(org.managerB(), () -> boardEntries.propose(dev.id(), dev.version(), "Meets", "Steady."));
        assertThat(proposed.proposedBy()).startsWith("Bea Manager");

        // The facilitator sees everyone but proposes only for people of their own line (here: all of them).
        assertThat(fx.as(org.director(), () -> boards.board(id).entries())).hasSize(5);
    }

    @Test
    void fromTheSessionOnEveryParticipantSeesEveryEntry() {
        fx.run(org.director(), () -> lifecycle.start(id, version()));
        assertThat(fx.as(org.managerA(), () -> boards.board(id).entries())).hasSize(5);
        assertThat(fx.as(org.managerB(), () -> boards.board(id).entries())).hasSize(5);
        // ... and may set the final rating of anyone in the session.
        var ada = fx.as(org.managerB(), () -> boards.board(id).entries()).stream()
                .filter(e -> e.personId().equals(org.person("Ada")))
                .findFirst()
                .orElseThrow();
        var changed = fx.as(
                org.managerB(),
                () -> boardEntries.edit(
                        ada.id(), ada.version(), EntryEdit.of(ada).withFinalRating("Exceeds")));
        assertThat(changed.finalRating()).isEqualTo("Exceeds");
    }

    @Test
    void outsidersOfTheCommitteeDoNotFindTheSession() {
        assertThatThrownBy(() -> fx.as(DemoUsers.MANAGER, () -> boards.board(id)))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("Calibration session not found");
        assertThatThrownBy(() -> fx.as(DemoUsers.MANAGER, () -> sessions.session(id)))
                .isInstanceOf(NotFoundException.class);
        assertThat(fx.as(DemoUsers.MANAGER, () -> sessions.find(PageRequest.of(0, 500))))
                .noneMatch(r -> r.id().equals(id));
        // Engineers never open boards, not even of their own session.
        assertThatThrownBy(() -> fx.as(org.engineer("Ada"), () -> boards.board(id)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx.as(org.engineer("Ada"), () -> boards.exportCsv(id)))
                .isInstanceOf(AccessDeniedException.class);
        // Admins see every session.
        assertThat(fx.as(DemoUsers.ADMIN, () -> boards.board(id).entries())).hasSize(5);
    }

    @Test
    void engineersSeeTheirPublishedOutcomeButNeverTheNotes() {
        for (var manager : List.of(org.managerA(), org.managerB())) {
            fx.run(manager, () -> {
                for (var e : preparations.preparation(id).mine()) {
                    boardEntries.propose(e.id(), e.version(), "Meets", "Solid half.");
                }
            });
        }
        fx.run(org.director(), () -> lifecycle.start(id, version()));
        var ada = fx.as(org.director(), () -> boards.board(id).entries()).stream()
                .filter(e -> e.personId().equals(org.person("Ada")))
                .findFirst()
                .orElseThrow();
        fx.as(
                org.director(),
                () -> boardEntries.edit(
                        ada.id(),
                        ada.version(),
                        EntryEdit.of(ada).withFinalRating("Exceeds").withNotes(SECRET),
                        "Drove the cross-team design."));
        assertThat(fx.as(org.engineer("Ada"), () -> calibrationOutcomes.myOutcomes()))
                .as("nothing before publishing")
                .isEmpty();

        fx.run(org.director(), () -> lifecycle.lock(id, version()));
        fx.run(DemoUsers.ADMIN, () -> lifecycle.publish(id, version(), LocalDate.now()));

        List<Outcome> outcomes = fx.as(org.engineer("Ada"), () -> calibrationOutcomes.myOutcomes());
        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.sessionId()).isEqualTo(id);
            assertThat(o.finalRating()).isEqualTo("Exceeds");
            assertThat(o.decision()).isEqualTo(Decision.NO_CASE);
            assertThat(o.feedback()).isNull();
        });
        assertThat(outcomes.toString()).doesNotContain(SECRET);
        var notified = fx.as(org.engineer("Ada"), () -> notifications.mine(0, 10));
        assertThat(notified).anySatisfy(n -> {
            assertThat(n.title()).isEqualTo("Your 2026-H2 calibration outcome");
            assertThat(n.body()).isEqualTo("Final rating: Exceeds.").doesNotContain(SECRET);
            assertThat(n.link()).isEqualTo("my-calibration");
        });
        // The others see their own outcome only.
        assertThat(fx.as(org.engineer("Ben"), () -> calibrationOutcomes.myOutcomes()))
                .singleElement()
                .satisfies(o -> assertThat(o.finalRating()).isEqualTo("Meets"));
    }
}
