package app.rungs.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.calibration.domain.EntryField;
import app.rungs.calibration.service.BoardEntries;
import app.rungs.calibration.service.BoardEntry;
import app.rungs.calibration.service.CalibrationBoard;
import app.rungs.calibration.service.CalibrationPreparation;
import app.rungs.calibration.service.CalibrationSessions;
import app.rungs.calibration.service.EntryEdit;
import app.rungs.calibration.service.RatingConflictException;
import app.rungs.calibration.service.SessionLifecycle;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.security.service.AccountService;
import app.rungs.support.IntegrationTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Two managers changing one entry at once never lose an edit silently, and every change is in the history. */
@IntegrationTest
class CalibrationConcurrencyTest {

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
    PeopleService people;

    @Autowired
    PersonEditingService peopleEditing;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    CalibrationFixtures fx;
    CalibrationFixtures.Org org;
    Long id;

    @BeforeEach
    void startedSession() {
        fx = new CalibrationFixtures(people, peopleEditing, accounts, users, sessions);
        org = fx.org();
        id = fx.session(org, "2026-H2");
        fx.run(org.managerA(), () -> {
            for (var e : preparations.preparation(id).mine()) {
                boardEntries.propose(e.id(), e.version(), "Meets", "Solid half.");
            }
        });
        fx.run(org.director(), () -> lifecycle.start(id, sessions.session(id).version()));
    }

    private BoardEntry ada(String user) {
        return fx.as(user, () -> boards.board(id).entries()).stream()
                .filter(e -> e.personId().equals(org.person("Ada")))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theSecondOfTwoEditorsIsToldWhoChangedWhatAndCanReapplyOnTheFreshValue() {
        var seenByA = ada(org.managerA());
        var seenByB = ada(org.managerB());
        assertThat(seenByA.version()).isEqualTo(seenByB.version());

        fx.as(
                org.managerA(),
                () -> boardEntries.edit(
                        seenByA.id(),
                        seenByA.version(),
                        EntryEdit.of(seenByA).withFinalRating("Exceeds"),
                        "Drove the cross-team design."));

        var nameOfA = fx.as(org.managerA(), () -> boards.history(seenByA.id()))
                .getFirst()
                .actorName();
        assertThatThrownBy(() -> fx.as(
                        org.managerB(),
                        () -> boardEntries.edit(
                                seenByB.id(),
                                seenByB.version(),
                                EntryEdit.of(seenByB).withFinalRating("Below"))))
                .isInstanceOf(RatingConflictException.class)
                .hasMessage(nameOfA + " changed this rating to Exceeds while you were editing; your change was not"
                        + " saved.")
                .satisfies(e -> {
                    var fresh = ((RatingConflictException) e).fresh();
                    assertThat(fresh.finalRating()).isEqualTo("Exceeds");
                    assertThat(fresh.version()).isGreaterThan(seenByB.version());
                });
        assertThat(ada(org.director()).finalRating())
                .as("B's change was not saved")
                .isEqualTo("Exceeds");

        // B reapplies on the fresh version; both changes are in the history, nothing was lost silently.
        var fresh = ada(org.managerB());
        var reapplied = fx.as(
                org.managerB(),
                () -> boardEntries.edit(
                        fresh.id(),
                        fresh.version(),
                        EntryEdit.of(fresh).withFinalRating("Below"),
                        "Two incidents were handled late."));
        assertThat(reapplied.finalRating()).isEqualTo("Below");
        var history = fx.as(org.director(), () -> boards.history(fresh.id()));
        assertThat(history)
                .filteredOn(c -> c.field() == EntryField.FINAL_RATING)
                .extracting(c -> c.actorName().split(" ")[0] + ": " + c.from() + " → " + c.to())
                .containsExactly("Bea: Exceeds → Below", "Alex: Meets → Exceeds", "Dana: null → Meets");
    }

    @Test
    void aConflictOnAnotherFieldSaysWhichFieldChanged() {
        var seenByA = ada(org.managerA());
        fx.as(
                org.managerB(),
                () -> boardEntries.edit(
                        seenByA.id(), seenByA.version(), EntryEdit.of(seenByA).withNotes("Check the on-call load.")));
        assertThatThrownBy(() -> fx.as(
                        org.managerA(),
                        () -> boardEntries.edit(
                                seenByA.id(),
                                seenByA.version(),
                                EntryEdit.of(seenByA).withFinalRating("Exceeds"))))
                .isInstanceOf(RatingConflictException.class)
                .hasMessageEndingWith(" changed the notes while you were editing; your change was not saved.");
    }

    @Test
    void everyChangeIsKeptWithWhoWhenAndFromTo() {
        var e = ada(org.managerA());
        var changed = fx.as(
                org.managerB(),
                () -> boardEntries.edit(
                        e.id(),
                        e.version(),
                        EntryEdit.of(e).withFinalRating("Exceeds").withNotes("Strong on-call."),
                        "Strong on-call."));
        var history = fx.as(org.director(), () -> boards.history(e.id()));
        assertThat(history.subList(0, 2))
                .extracting(c -> c.field() + " " + c.from() + " → " + c.to())
                .containsExactlyInAnyOrder("FINAL_RATING Meets → Exceeds", "NOTES null → Strong on-call.");
        assertThat(history.getFirst().actorName()).startsWith("Bea Manager");
        assertThat(history.getFirst().at()).isNotNull();
        assertThat(history).extracting(c -> c.field()).contains(EntryField.PROPOSED_RATING, EntryField.RATIONALE);
        // Saving the same values again changes nothing and records nothing.
        fx.as(org.managerB(), () -> boardEntries.edit(e.id(), changed.version(), EntryEdit.of(changed)));
        assertThat(fx.as(org.director(), () -> boards.history(e.id()))).hasSameSizeAs(history);
    }

    @Test
    void simultaneousSavesOfOneEntryLetExactlyOneWin() throws Exception {
        var e = ada(org.managerA());
        var start = new CountDownLatch(1);
        var outcomes = Collections.synchronizedList(new ArrayList<String>());
        try (var pool = Executors.newFixedThreadPool(2)) {
            for (var pair : List.of(new String[] {org.managerA(), "Exceeds"}, new String[] {org.managerB(), "Below"})) {
                pool.submit(() -> {
                    try {
                        start.await();
                        fx.as(
                                pair[0],
                                () -> boardEntries.edit(
                                        e.id(),
                                        e.version(),
                                        EntryEdit.of(e).withFinalRating(pair[1]),
                                        "Both editors wrote their reason."));
                        outcomes.add("saved " + pair[1]);
                    } catch (RatingConflictException conflict) {
                        outcomes.add("conflict: " + conflict.getMessage());
                    } catch (Exception other) {
                        outcomes.add("error: " + other);
                    }
                    return null;
                });
            }
            start.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(outcomes).hasSize(2);
        assertThat(outcomes).filteredOn(o -> o.startsWith("saved ")).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.startsWith("conflict: ")).hasSize(1);
        var winner = outcomes.stream()
                .filter(o -> o.startsWith("saved "))
                .findFirst()
                .orElseThrow();
        assertThat(ada(org.director()).finalRating()).isEqualTo(winner.substring("saved ".length()));
    }
}
