package app.rungs.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.evidence.domain.EvidenceType;
import app.rungs.evidence.service.CoverageQueries;
import app.rungs.evidence.service.CoverageSummary;
import app.rungs.evidence.service.EvidenceAuthoring;
import app.rungs.evidence.service.EvidenceInput;
import app.rungs.evidence.service.EvidenceReview;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonCard;
import app.rungs.people.service.PersonDirectory;
import app.rungs.people.service.PersonEditingService;
import app.rungs.security.service.AccountService;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.StatementCounter;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The batched readiness numbers agree with each person's coverage page and cost the same for 2 people or all. */
@IntegrationTest
class CoverageQueriesTest {

    @Autowired
    CoverageQueries coverageQueries;

    @Autowired
    EvidenceService evidence;

    @Autowired
    EvidenceAuthoring evidenceAuthoring;

    @Autowired
    EvidenceReview evidenceReview;

    @Autowired
    PeopleService people;

    @Autowired
    PersonEditingService peopleEditing;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    PersonDirectory directory;

    @Autowired
    EntityManagerFactory emf;

    @Autowired
    EntityManager em;

    EvidenceFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new EvidenceFixtures(people, peopleEditing, accounts, users, evidence);
    }

    /** Everyone placed on the demo ladder (Lena's), demo engineers and engineers other tests added. */
    private List<Long> everyoneOnTheDemoLadder() {
        return fx.as(DemoUsers.ADMIN, () -> {
            List<?> rows =
                    em.createNativeQuery("select id from person order by id").getResultList();
            List<Long> ids = rows.stream().map(o -> ((Number) o).longValue()).toList();
            Map<Long, PersonCard> cards = directory.cards(ids);
            Long ladder = cards.get(fx.personOf(DemoUsers.ENGINEER)).ladderId();
            return cards.values().stream()
                    .filter(c -> ladder.equals(c.ladderId()))
                    .map(PersonCard::id)
                    .toList();
        });
    }

    private static Map<Long, String> nextLevelOf(List<Long> ids) {
        var map = new HashMap<Long, String>();
        ids.forEach(id -> map.put(id, null));
        return map;
    }

    private void acknowledged(String engineer, String competency, String level) {
        var input = new EvidenceInput(
                EvidenceType.OTHER,
                "Evidence for " + competency,
                LocalDate.now().minusDays(2),
                null,
                "Impact statement.",
                level,
                List.of(competency),
                List.of(),
                Map.of());
        var id = fx.as(engineer, () -> evidenceAuthoring.create(input, true));
        fx.run(
                DemoUsers.MANAGER,
                () -> evidenceReview.acknowledge(id, evidence.details(id).version(), null));
    }

    @Test
    void everyPersonsNumbersEqualTheirCoveragePage() {
        var engineer = fx.newEngineer("Rita Ready", "DSE-1");
        acknowledged(engineer, "fault-tolerance-resilience", "DSE-2");
        acknowledged(engineer, "failure-modes-network-partitions", "DSE-1");
        var all = everyoneOnTheDemoLadder();
        assertThat(all).hasSizeGreaterThan(10);

        var batch = fx.as(DemoUsers.ADMIN, () -> coverageQueries.readiness(nextLevelOf(all)));

        int compared = 0;
        int withAcknowledged = 0;
        for (var id : all) {
            var single = fx.as(DemoUsers.ADMIN, () -> evidence.coverage(id, null));
            var summary = batch.get(id);
            assertThat(summary)
                    .as("person %d", id)
                    .isEqualTo(new CoverageSummary(
                            id,
                            single.target().key(),
                            single.percent(),
                            (int) single.acknowledged(),
                            single.counted().size(),
                            single.readiness()));
            compared++;
            withAcknowledged += single.acknowledged() > 0 ? 1 : 0;
        }
        assertThat(compared).isEqualTo(all.size());
        // The demo's seeded evidence and Rita's items make the comparison meaningful beyond zeros.
        assertThat(withAcknowledged).isGreaterThanOrEqualTo(2);
        assertThat(batch.get(fx.personOf(engineer)).acknowledged()).isEqualTo(2);
    }

    @Test
    void anExplicitLevelIsMeasuredAndALevelOutsideTheLadderIsLeftOut() {
        var lena = fx.personOf(DemoUsers.ENGINEER);
        var ethan = fx.personOf(DemoUsers.OTHER_ENGINEER);
        var daniel = fx.personOf(DemoUsers.MANAGER);
        var targets = new HashMap<Long, String>();
        targets.put(lena, "SPE-1");
        targets.put(ethan, "NO-SUCH-LEVEL");
        targets.put(daniel, null);
        targets.put(-1L, null);

        var batch = fx.as(DemoUsers.MANAGER, () -> coverageQueries.readiness(targets));

        var single = fx.as(DemoUsers.ADMIN, () -> evidence.coverage(lena, "SPE-1"));
        assertThat(batch.get(lena))
                .isEqualTo(new CoverageSummary(
                        lena,
                        "SPE-1",
                        single.percent(),
                        (int) single.acknowledged(),
                        single.counted().size(),
                        single.readiness()));
        assertThatThrownBy(() -> fx.run(DemoUsers.ADMIN, () -> evidence.coverage(ethan, "NO-SUCH-LEVEL")))
                .isInstanceOf(NotFoundException.class);
        assertThat(batch).doesNotContainKeys(ethan, -1L);
        boolean danielHasCoverage;
        try {
            fx.run(DemoUsers.ADMIN, () -> evidence.coverage(daniel, null));
            danielHasCoverage = true;
        } catch (ValidationException | NotFoundException e) {
            danielHasCoverage = false;
        }
        assertThat(batch.containsKey(daniel)).isEqualTo(danielHasCoverage);
    }

    @Test
    void engineersCannotReadOtherPeoplesReadiness() {
        var ethan = fx.personOf(DemoUsers.OTHER_ENGINEER);
        assertThatThrownBy(
                        () -> fx.run(DemoUsers.ENGINEER, () -> coverageQueries.readiness(nextLevelOf(List.of(ethan)))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void twoPeopleAndEveryoneTakeTheSameNumberOfStatements() {
        var counter = new StatementCounter(emf);
        var all = everyoneOnTheDemoLadder();
        var two = List.of(fx.personOf(DemoUsers.ENGINEER), fx.personOf(DemoUsers.OTHER_ENGINEER));

        long forTwo = fx.as(DemoUsers.MANAGER, () -> counter.count(() -> coverageQueries.readiness(nextLevelOf(two))));
        long forAll = fx.as(DemoUsers.MANAGER, () -> counter.count(() -> coverageQueries.readiness(nextLevelOf(all))));
        long onePersonPage = fx.as(DemoUsers.ADMIN, () -> counter.count(() -> evidence.coverage(two.getFirst(), null)));

        // People (one), the published ladder (a fixed load per distinct ladder), the evidence (one), the waivers (one).
        assertThat(forAll).isEqualTo(forTwo);
        assertThat(forAll).isLessThanOrEqualTo(onePersonPage);
        System.out.printf(
                "Statements — readiness for 2 people: %d, for all %d people: %d, one person's coverage page: %d%n",
                forTwo, all.size(), forAll, onePersonPage);
    }
}
