package app.rungs.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.calibration.CalibrationFixtures;
import app.rungs.calibration.service.CalibrationAgenda;
import app.rungs.calibration.service.CalibrationBoard;
import app.rungs.calibration.service.CalibrationSessions;
import app.rungs.calibration.service.PreRatings;
import app.rungs.calibration.service.SessionLifecycle;
import app.rungs.calibration.service.SessionRecord;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.security.service.AccountService;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Attacks on blind pre-ratings: reading another participant's pre-rating before the start, reading or writing them
 * from outside the committee, writing one in someone else's name or after the reveal, and running the agenda without
 * leading the session.
 */
@IntegrationTest
class PreRatingAttackTest {

    @Autowired
    PreRatings preRatings;

    @Autowired
    CalibrationAgenda agendas;

    @Autowired
    SessionRecord records;

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

    CalibrationFixtures fx;
    CalibrationFixtures.Org org;
    Long id;
    Long ada;

    @BeforeEach
    void aliceRatesAda() {
        fx = new CalibrationFixtures(people, peopleEditing, accounts, users, sessions);
        org = fx.org();
        id = fx.session(org, "2026-H2");
        ada = fx.as(org.director(), () -> boards.board(id)).entries().stream()
                .filter(e -> e.personId().equals(org.person("Ada")))
                .findFirst()
                .orElseThrow()
                .id();
        fx.as(org.managerA(), () -> preRatings.rate(id, ada, "Greatly exceeds"));
    }

    @Test
    void aParticipantReadingAnothersPreRatingBeforeTheStartGetsOnlyTheirOwn() {
        var form = fx.as(org.managerB(), () -> preRatings.form(id));
        assertThat(form.rows())
                .filteredOn(r -> r.entryId().equals(ada))
                .singleElement()
                .satisfies(r -> assertThat(r.myRating()).isNull());
        assertThat(form.rows() + " " + form.progress()).doesNotContain("Greatly exceeds");
        assertThatThrownBy(() -> fx.as(org.managerB(), () -> preRatings.revealed(id)))
                .isInstanceOf(ValidationException.class);
        assertThat(fx.as(org.managerB(), () -> agendas.agenda(id)).items()).isEmpty();
    }

    @Test
    void theFacilitatorAndAnAdminCannotPeekBeforeTheStartEither() {
        for (var who : new String[] {org.director(), DemoUsers.ADMIN}) {
            assertThatThrownBy(() -> fx.as(who, () -> preRatings.revealed(id))).isInstanceOf(ValidationException.class);
            var form = fx.as(who, () -> preRatings.form(id));
            assertThat(form.rows() + " " + form.progress()).doesNotContain("Greatly exceeds");
        }
    }

    @Test
    void anOutsiderNeverReadsPreRatingsBeforeOrAfterTheStart() {
        assertOutsiderRefused();
        fx.run(org.director(), () -> lifecycle.start(id, sessions.session(id).version()));
        assertThat(fx.as(org.managerB(), () -> preRatings.revealed(id)).get(ada).high())
                .isEqualTo("Greatly exceeds");
        assertOutsiderRefused();
    }

    private void assertOutsiderRefused() {
        // A manager of another reporting line: the session does not exist for them.
        assertThatThrownBy(() -> fx.as(DemoUsers.OTHER_MANAGER, () -> preRatings.revealed(id)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fx.as(DemoUsers.OTHER_MANAGER, () -> preRatings.form(id)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fx.as(DemoUsers.OTHER_MANAGER, () -> agendas.agenda(id)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fx.as(DemoUsers.OTHER_MANAGER, () -> records.changeLog(id)))
                .isInstanceOf(NotFoundException.class);
        // An engineer, even the one rated, is stopped before the service runs.
        assertThatThrownBy(() -> fx.as(org.engineer("Ada"), () -> preRatings.revealed(id)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theFacilitatorWhoIsNoParticipantCannotCastAPreRating() {
        assertThatThrownBy(() -> fx.as(org.director(), () -> preRatings.rate(id, ada, "Below")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aPreRatingCannotBeChangedAfterTheReveal() {
        fx.run(org.director(), () -> lifecycle.start(id, sessions.session(id).version()));
        assertThatThrownBy(() -> fx.as(org.managerA(), () -> preRatings.rate(id, ada, "Below")))
                .isInstanceOf(ValidationException.class);
        assertThat(fx.as(org.managerA(), () -> preRatings.revealed(id)).get(ada).low())
                .isEqualTo("Greatly exceeds");
    }

    @Test
    void anEntryOfAnotherSessionCannotBeRatedThroughThisOne() {
        var other = fx.session(org, "2026-H2");
        assertThatThrownBy(() -> fx.as(org.managerA(), () -> preRatings.rate(other, ada, "Below")))
                .isInstanceOf(NotFoundException.class);
    }
}
