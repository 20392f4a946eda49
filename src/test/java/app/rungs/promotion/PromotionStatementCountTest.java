package app.rungs.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.evidence.service.EvidenceAuthoring;
import app.rungs.evidence.service.EvidenceReview;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.promotion.domain.CommentKind;
import app.rungs.promotion.service.CaseFilter;
import app.rungs.promotion.service.PromotionPackets;
import app.rungs.promotion.service.PromotionQueries;
import app.rungs.promotion.service.PromotionReviews;
import app.rungs.promotion.service.PromotionService;
import app.rungs.security.service.AccountService;
import app.rungs.support.IntegrationTest;
import app.rungs.support.StatementCounter;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The promotions list and the case page cost the same number of statements however large the reporting line, the
 * number of cases and reviewers, and the engineer's evidence: measured once, the organization and the evidence grow,
 * measured again. A per-person or per-item read anywhere on these paths makes the second number larger.
 */
@IntegrationTest
class PromotionStatementCountTest {

    @Autowired
    PromotionService promotions;

    @Autowired
    PromotionQueries queries;

    @Autowired
    PromotionPackets packets;

    @Autowired
    PromotionReviews reviews;

    @Autowired
    PeopleService people;

    @Autowired
    PersonEditingService peopleEditing;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    EvidenceService evidence;

    @Autowired
    EvidenceAuthoring evidenceAuthoring;

    @Autowired
    EvidenceReview evidenceReview;

    @Autowired
    EntityManagerFactory emf;

    @Test
    void theListAndTheCasePageAreConstantInTheSizeOfTheOrganizationAndTheEvidence() {
        var fx = new PromotionFixtures(
                people, peopleEditing, accounts, users, promotions, evidence, evidenceAuthoring, evidenceReview);
        var manager = fx.newManager("Ines Moreau");
        var engineer = fx.newEngineer("Pavel Horak", "DSE-2", manager);
        var reviewer = fx.newManager("Runa Dahl");
        var engineerId = fx.personOf(engineer);
        var id = fx.as(manager, () -> promotions.nominate(engineerId, "DSE-3", "2026-H2", "Leads the storage work."));
        fx.run(manager, () -> reviews.addReviewer(id, fx.version(id), fx.personOf(reviewer)));
        fx.acknowledge(
                manager, fx.logEvidence(engineer, "Partition drill", "DSE-3", "failure-modes-network-partitions"));
        fx.run(manager, () -> promotions.submit(id, fx.version(id), null));

        var counter = new StatementCounter(emf);
        var before = measure(fx, counter, manager, reviewer, engineer, id);

        // The line grows by people with cases of their own, the case by reviewers, comments and narratives, the
        // engineer's evidence by acknowledged and pending items under several expectations.
        for (var name : new String[] {"Aino Virta", "Bram Claes", "Cyra Lenz", "Dov Amir"}) {
            var colleague = fx.personOf(fx.newEngineer(name, "DSE-1", manager));
            fx.as(manager, () -> promotions.nominate(colleague, "DSE-2", "2026-H2", "Owns the compaction jobs."));
        }
        for (var name : new String[] {"Esko Laine", "Fia Berg"}) {
            var extra = fx.personOf(fx.newManager(name));
            fx.run(manager, () -> reviews.addReviewer(id, fx.version(id), extra));
        }
        for (var competency :
                new String[] {"consensus-algorithms", "failure-modes-network-partitions", "consensus-algorithms"}) {
            fx.acknowledge(manager, fx.logEvidence(engineer, "More work on " + competency, "DSE-3", competency));
        }
        fx.logEvidence(engineer, "Not acknowledged yet", "DSE-3", "consensus-algorithms");
        fx.run(manager, () -> reviews.comment(id, CommentKind.COMMENT, "Looks strong."));
        fx.run(reviewer, () -> reviews.comment(id, CommentKind.COMMITTEE_NOTE, "Ask about scope."));

        var after = measure(fx, counter, manager, reviewer, engineer, id);
        System.out.printf("Statements before growth %s, after %s%n", before, after);
        assertThat(after).isEqualTo(before);
        assertThat(fx.as(manager, () -> queries.find(CaseFilter.none(), PageRequest.of(0, 50))))
                .hasSize(5);
        assertThat(fx.as(manager, () -> packets.details(id)).reviewers()).hasSize(3);
    }

    /** Statements of: the manager's list page with its count; the case page for the manager, reviewer, engineer. */
    private Counts measure(
            PromotionFixtures fx, StatementCounter counter, String manager, String reviewer, String engineer, Long id) {
        long list = fx.as(
                manager,
                () -> counter.count(() -> {
                    queries.find(CaseFilter.none(), PageRequest.of(0, 50));
                    queries.count(CaseFilter.none());
                }));
        long managerPage = fx.as(manager, () -> counter.count(() -> packets.details(id)));
        long reviewerPage = fx.as(reviewer, () -> counter.count(() -> packets.details(id)));
        long engineerPage = fx.as(engineer, () -> counter.count(() -> packets.details(id)));
        return new Counts(list, managerPage, reviewerPage, engineerPage);
    }

    record Counts(long list, long managerPage, long reviewerPage, long engineerPage) {}
}
