package app.rungs.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.calibration.service.CalibrationService;
import app.rungs.calibration.service.ReadinessCache;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.security.service.AccountService;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.StatementCounter;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Loading the board takes a fixed number of statements for the session, entries, levels, cases and last cycle's
 * ratings, plus one evidence coverage read per engineer, which the readiness cache keeps for the next loads.
 */
@IntegrationTest
class BoardStatementCountTest {

    /**
     * Session, participants and entries, the ladder's published content, one page of the promotion cases of the
     * session's cycle, and last cycle's ratings of all engineers at once.
     */
    static final long FIXED = 13;

    /** What one engineer's coverage costs through the evidence service: the person, the ladder, the evidence. */
    static final long PER_ENGINEER = 12;

    @Autowired
    CalibrationService calibration;

    @Autowired
    PeopleService people;

    @Autowired
    PersonEditingService peopleEditing;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    ReadinessCache cache;

    @Autowired
    EntityManagerFactory emf;

    CalibrationFixtures fx;
    StatementCounter counter;

    @BeforeEach
    void setUp() {
        fx = new CalibrationFixtures(people, peopleEditing, accounts, users, calibration);
        counter = new StatementCounter(emf);
    }

    private long boardLoad(String user, Long id) {
        return counter.count(() -> fx.as(user, () -> calibration.board(id)));
    }

    @Test
    void aWarmBoardLoadTakesTheSameStatementsForFiveOrEighteenEngineers() {
        var org = fx.org();
        var small = fx.session(org, "2026-H2");
        var demo = fx.as(DemoUsers.DIRECTOR, () -> calibration.find(PageRequest.of(0, 100))).stream()
                .filter(r -> r.name()
                        .equals(app.rungs.promotion.service.Cycles.of(java.time.LocalDate.now())
                                + " Storage & Streaming"))
                .findFirst()
                .orElseThrow();
        assertThat(demo.engineers()).isEqualTo(18);

        boardLoad(org.director(), small);
        boardLoad(DemoUsers.DIRECTOR, demo.id());
        long warmSmall = boardLoad(org.director(), small);
        long warmDemo = boardLoad(DemoUsers.DIRECTOR, demo.id());
        System.out.printf("Board statements, warm: 5 engineers %d, 18 engineers %d%n", warmSmall, warmDemo);
        assertThat(warmSmall).isLessThanOrEqualTo(FIXED);
        assertThat(warmDemo).isEqualTo(warmSmall);
    }

    @Test
    void aColdBoardLoadReadsEachEngineersCoverageOnce() {
        var org = fx.org();
        var id = fx.session(org, "2026-H2");
        cache.clear();
        long cold = boardLoad(org.director(), id);
        long warm = boardLoad(org.director(), id);
        System.out.printf("Board statements, 5 engineers: cold %d, warm %d%n", cold, warm);
        assertThat(cold).isLessThanOrEqualTo(FIXED + 5 * PER_ENGINEER);
        assertThat(cold - warm).as("coverage reads").isGreaterThanOrEqualTo(5);
    }

    @Test
    void aLiveUpdateReloadsOneEntryInAFewStatements() {
        var org = fx.org();
        var id = fx.session(org, "2026-H2");
        var entry = fx.as(org.director(), () -> calibration.board(id)).entries().getFirst();
        long statements = counter.count(() -> fx.as(org.managerA(), () -> calibration.entry(id, entry.id())));
        System.out.printf("Live entry reload: %d statements%n", statements);
        assertThat(statements).isLessThanOrEqualTo(6);
    }
}
