package app.rungs.people;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.calibration.domain.SessionStatus;
import app.rungs.calibration.service.CalibrationBoard;
import app.rungs.calibration.service.CalibrationSessions;
import app.rungs.evidence.service.EvidenceFilter;
import app.rungs.evidence.service.EvidenceReview;
import app.rungs.people.service.LineQuery;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonDirectory;
import app.rungs.promotion.service.CaseFilter;
import app.rungs.promotion.service.PromotionQueries;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.support.BigOrg;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.RunAs;
import app.rungs.support.StatementCounter;
import jakarta.persistence.EntityManagerFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every screen that is scoped to a manager's reporting line reads the same statements, each binding a handful of
 * parameters, whether the line is the demo team or a generated line of 2,900 people five levels deep with 8,700
 * evidence items: the line is scoped in SQL (the reporting_line closure, V34), never loaded or bound as ids. The
 * generated line is inserted in a transaction that is rolled back. (Before: the same reads took 4–6 statements, bound
 * up to 2,9xx parameters and loaded every person of the line; see docs/benchmarks/reporting-line-scoping.md.)
 */
@IntegrationTest
class ReportingLineScreensStatementCountTest {

    /** The most bind parameters any one statement of these reads may carry. */
    static final int HANDFUL = 8;

    static final int[] FANOUT = {4, 4, 5, 5, 6};

    @Autowired
    EvidenceReview review;

    @Autowired
    PromotionQueries promotions;

    @Autowired
    PeopleService people;

    @Autowired
    PersonDirectory directory;

    @Autowired
    CalibrationBoard boards;

    @Autowired
    CalibrationSessions sessions;

    @Autowired
    AccountService accounts;

    @Autowired
    RunAs runAs;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager tx;

    @Autowired
    EntityManagerFactory emf;

    /** The reads of each screen, as its view makes them for one page. */
    private Map<String, Supplier<Object>> screens(Long sessionId) {
        var page = PageRequest.of(0, 50);
        var screens = new LinkedHashMap<String, Supplier<Object>>();
        screens.put("review inbox page", () -> review.reviewQueue(EvidenceFilter.none(), page));
        screens.put("review inbox count", () -> review.reviewQueueCount(EvidenceFilter.none()));
        screens.put("promotions page", () -> promotions.find(CaseFilter.none(), page));
        screens.put("promotions count", () -> promotions.count(CaseFilter.none()));
        screens.put("nomination picker page", () -> promotions.nominationCandidates("", 0, 50));
        screens.put("nomination picker search", () -> promotions.nominationCandidates("ar", 0, 50));
        screens.put("home line summary", () -> people.myLineSize());
        screens.put("home line grid page", () -> directory.cards(people.myLinePage(LineQuery.everyone(), 0, 50)));
        screens.put("coverage picker search", () -> directory.cards(people.myLinePage(LineQuery.named("e"), 0, 49)));
        screens.put("calibration board", () -> boards.board(sessionId));
        return screens;
    }

    @Test
    void everyLineScopedScreenReadsTheSameFewStatementsForTheDemoLineAndAGeneratedLineOf2900() {
        var counter = new StatementCounter(emf);
        long manager = SystemAuthentication.call(
                () -> accounts.findByUsername(DemoUsers.MANAGER).orElseThrow().personId());
        new TransactionTemplate(tx).executeWithoutResult(status -> {
            status.setRollbackOnly();
            var sessionId = runAs.as(
                    DemoUsers.MANAGER,
                    () -> sessions.find(PageRequest.of(0, 100)).stream()
                            .filter(s -> s.status() == SessionStatus.PREPARING)
                            .findFirst()
                            .orElseThrow()
                            .id());
            var small = measure(counter, sessionId);
            long smallLine =
                    runAs.as(DemoUsers.MANAGER, () -> people.myLineSize().total());
            long smallInbox = runAs.as(DemoUsers.MANAGER, () -> review.reviewQueueCount(EvidenceFilter.none()));

            var generated = BigOrg.grow(jdbc, manager, FANOUT, 3, 14L);
            var big = measure(counter, sessionId);

            // The generated line is really in scope: the counts grew by what was generated.
            assertThat(runAs.as(DemoUsers.MANAGER, () -> people.myLineSize().total()))
                    .isEqualTo(smallLine + generated.people());
            assertThat(runAs.as(DemoUsers.MANAGER, () -> review.reviewQueueCount(EvidenceFilter.none())))
                    .isEqualTo(smallInbox + generated.submitted());
            assertThat(runAs.as(DemoUsers.MANAGER, () -> promotions.nominationCandidates("", 0, 50)))
                    .hasSize(50);
            for (var screen : small.keySet()) {
                var before = small.get(screen);
                var after = big.get(screen);
                assertThat(after.statements())
                        .as(screen + ": demo line " + before + ", generated line " + after)
                        .isEqualTo(before.statements());
                if (screen.equals("calibration board")) {
                    // The board binds its own session's engineers (bounded by the session, not by the line).
                    assertThat(after.maxParameters())
                            .as(screen + " binds no more for a larger line: " + after.sql())
                            .isEqualTo(before.maxParameters());
                } else {
                    assertThat(after.maxParameters())
                            .as(screen + " binds a handful of parameters: " + after.sql())
                            .isLessThanOrEqualTo(HANDFUL);
                }
            }
        });
    }

    private Map<String, StatementCounter.Reads> measure(StatementCounter counter, Long sessionId) {
        return runAs.as(DemoUsers.MANAGER, () -> {
            var result = new LinkedHashMap<String, StatementCounter.Reads>();
            screens(sessionId).forEach((name, read) -> {
                read.get(); // warm: the published ladder content is cached after the first read
                result.put(name, counter.measure(read::get));
            });
            return result;
        });
    }
}
