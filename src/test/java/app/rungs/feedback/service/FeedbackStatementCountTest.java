package app.rungs.feedback.service;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.evidence.service.EvidenceAuthoring;
import app.rungs.evidence.service.EvidenceReview;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.feedback.FeedbackFixtures;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.promotion.PromotionFixtures;
import app.rungs.promotion.service.PromotionService;
import app.rungs.security.service.AccountService;
import app.rungs.support.IntegrationTest;
import app.rungs.support.StatementCounter;
import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The feedback lists read a page in a fixed number of statements, however many requests, peers and answers there
 * are: one for "Asked of me", one for "My requests", two for a person's tab (requests with peers, then answers). JDBC
 * statements are counted on the data source (Hibernate's counter does not see them), JPA ones by Hibernate.
 */
@IntegrationTest
class FeedbackStatementCountTest {

    @Autowired
    FeedbackRequests requests;

    @Autowired
    FeedbackAnswers answers;

    @Autowired
    FeedbackQueries queries;

    @Autowired
    FeedbackSettingsService settings;

    @Autowired
    FeedbackAccess access;

    @Autowired
    DataSource dataSource;

    @Autowired
    EntityManagerFactory emf;

    @Autowired
    PeopleService people;

    @Autowired
    PersonEditingService peopleEditing;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    PromotionService promotions;

    @Autowired
    EvidenceService evidence;

    @Autowired
    EvidenceAuthoring evidenceAuthoring;

    @Autowired
    EvidenceReview evidenceReview;

    PromotionFixtures fx;
    FeedbackFixtures feedback;
    final AtomicLong jdbcStatements = new AtomicLong();
    FeedbackQueries counted;

    @BeforeEach
    void setUp() {
        fx = new PromotionFixtures(
                people, peopleEditing, accounts, users, promotions, evidence, evidenceAuthoring, evidenceReview);
        feedback = new FeedbackFixtures(fx, requests, answers, queries, settings);
        var countingSource = counting(dataSource);
        counted = new FeedbackQueries(access, new FeedbackReads(countingSource), settings, countingSource);
    }

    @Test
    void theListsReadAPageInTheSameStatementsForOneOrManyRequests() {
        var manager = fx.newManager("Count Manager");
        var a = fx.newEngineer("Count A", "DSE-2", manager);
        var b = fx.newEngineer("Count B", "DSE-2", manager);
        var peer = fx.newEngineer("Count Peer", "DSE-2", manager);
        var peer2 = fx.newEngineer("Count Peer Two", "DSE-2", manager);

        feedback.ask(manager, a, peer);
        feedback.answer(peer, a);
        var one = measure(manager, peer, a);

        feedback.ask(manager, b, peer, peer2);
        feedback.ask(manager, a, peer2);
        feedback.answer(peer, b);
        feedback.answer(peer2, b);
        feedback.answer(peer2, a);
        var many = measure(manager, peer, a);

        assertThat(one).isEqualTo(new long[] {1, 1, 1, 1, 2});
        assertThat(many)
                .as("same statements for more requests, peers and answers")
                .isEqualTo(one);
        assertThat(fx.as(manager, () -> counted.myRequests(0, 50))).hasSize(3);
        assertThat(fx.as(manager, () -> counted.about(fx.personOf(a))))
                .hasSize(2)
                .allSatisfy(v -> assertThat(v.answers()).isNotEmpty());
    }

    /** JDBC statements of: asked-of-me page, its count, my-requests page, its count, the person tab's reads. */
    private long[] measure(String manager, String peer, String subject) {
        var subjectId = fx.personOf(subject);
        var counter = new StatementCounter(emf);
        long asked = fx.as(peer, () -> jdbc(() -> counted.askedOfMe(0, 50)));
        long askedCount = fx.as(peer, () -> jdbc(counted::countAskedOfMe));
        long mine = fx.as(manager, () -> jdbc(() -> counted.myRequests(0, 50)));
        long mineCount = fx.as(manager, () -> jdbc(counted::countMyRequests));
        long[] about = new long[1];
        long jpa = fx.as(manager, () -> counter.count(() -> about[0] = jdbc(() -> counted.about(subjectId))));
        assertThat(jpa)
                .as("access checks of the person tab: the reporting-line check, a constant")
                .isLessThanOrEqualTo(4);
        return new long[] {asked, askedCount, mine, mineCount, about[0]};
    }

    private long jdbc(Runnable work) {
        jdbcStatements.set(0);
        work.run();
        return jdbcStatements.get();
    }

    private DataSource counting(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    var result = invoke(method, target, args);
                    return result instanceof Connection c ? countingConnection(c) : result;
                });
    }

    private Connection countingConnection(Connection target) {
        return (Connection) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("prepare")
                            || method.getName().equals("createStatement")) {
                        jdbcStatements.incrementAndGet();
                    }
                    return invoke(method, target, args);
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
