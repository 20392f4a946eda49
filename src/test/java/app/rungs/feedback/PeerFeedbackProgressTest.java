package app.rungs.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.cycle.service.CycleProgressSource;
import app.rungs.cycle.service.CycleRef;
import app.rungs.cycle.service.CycleStep;
import app.rungs.evidence.service.EvidenceAuthoring;
import app.rungs.evidence.service.EvidenceReview;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.feedback.service.FeedbackAnswers;
import app.rungs.feedback.service.FeedbackQueries;
import app.rungs.feedback.service.FeedbackRequests;
import app.rungs.feedback.service.FeedbackSettingsService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.promotion.PromotionFixtures;
import app.rungs.promotion.service.PromotionService;
import app.rungs.security.service.AccountService;
import app.rungs.support.IntegrationTest;
import app.rungs.support.StatementCounter;
import jakarta.persistence.EntityManagerFactory;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The review cycle's peer-feedback step: done once feedback of the cycle is answered and nobody is still due. */
@IntegrationTest
class PeerFeedbackProgressTest {

    @Autowired
    List<CycleProgressSource> sources;

    @Autowired
    FeedbackRequests requests;

    @Autowired
    FeedbackAnswers answers;

    @Autowired
    FeedbackQueries queries;

    @Autowired
    FeedbackSettingsService settings;

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

    @Autowired
    EntityManagerFactory emf;

    @Test
    void someoneCompletesPeerFeedbackWhenAnsweredAndNobodyIsStillDue() {
        var fx = new PromotionFixtures(
                people, peopleEditing, accounts, users, promotions, evidence, evidenceAuthoring, evidenceReview);
        var feedback = new FeedbackFixtures(fx, requests, answers, queries, settings);
        var manager = fx.newManager("Cycle Fb Manager");
        var done = fx.newEngineer("Cycle Fb Done", "DSE-2", manager);
        var waiting = fx.newEngineer("Cycle Fb Waiting", "DSE-2", manager);
        var none = fx.newEngineer("Cycle Fb None", "DSE-2", manager);
        var p1 = fx.newEngineer("Cycle Fb Peer One", "DSE-2", manager);
        var p2 = fx.newEngineer("Cycle Fb Peer Two", "DSE-2", manager);
        feedback.ask(manager, done, p1, p2);
        feedback.answer(p1, done);
        feedback.decline(p2, done, "Not enough contact.");
        feedback.ask(manager, waiting, p1, p2);
        feedback.answer(p1, waiting);

        var source = sources.stream()
                .filter(s -> s.step() == CycleStep.PEER_FEEDBACK)
                .findFirst()
                .orElseThrow();
        var ids = List.of(fx.personOf(done), fx.personOf(waiting), fx.personOf(none));
        var cycle = new CycleRef("2026-H2", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 12, 31));
        var counter = new StatementCounter(emf);

        assertThat(source.completed(cycle, ids)).containsExactly(fx.personOf(done));
        assertThat(source.completed(new CycleRef("2027-H1", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 6, 30)), ids))
                .as("another cycle")
                .isEmpty();
        assertThat(counter.count(() -> source.completed(cycle, List.of()))).isZero();
    }
}
