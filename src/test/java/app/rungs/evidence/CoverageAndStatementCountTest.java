package app.rungs.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.evidence.domain.EvidenceType;
import app.rungs.evidence.service.Coverage;
import app.rungs.evidence.service.EvidenceAuthoring;
import app.rungs.evidence.service.EvidenceFilter;
import app.rungs.evidence.service.EvidenceInput;
import app.rungs.evidence.service.EvidenceReview;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.ladder.service.LadderService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.security.service.AccountService;
import app.rungs.shared.service.NotFoundException;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.StatementCounter;
import jakarta.persistence.EntityManagerFactory;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Coverage of a level's expectations by evidence, and the number of SQL statements the screens' loads take. */
@IntegrationTest
class CoverageAndStatementCountTest {

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
    LadderService ladders;

    @Autowired
    EntityManagerFactory emf;

    EvidenceFixtures fx;
    String engineer;

    @BeforeEach
    void freshEngineer() {
        fx = new EvidenceFixtures(people, peopleEditing, accounts, users, evidence);
        engineer = fx.newEngineer("Cora Cover", "DSE-1");
    }

    private Long log(String competency, String level, boolean submit, boolean acknowledge) {
        var input = new EvidenceInput(
                EvidenceType.OTHER,
                "Evidence for " + competency + " at " + level,
                LocalDate.now().minusDays(3),
                null,
                "Impact statement.",
                level,
                List.of(competency),
                List.of(),
                Map.of());
        var id = fx.as(engineer, () -> evidenceAuthoring.create(input, submit));
        if (acknowledge) {
            fx.run(
                    DemoUsers.MANAGER,
                    () -> evidenceReview.acknowledge(id, evidence.details(id).version(), null));
        }
        return id;
    }

    private Coverage.Line line(Coverage c, String competency) {
        return c.lines().stream()
                .filter(l -> l.competencyKey().equals(competency))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void anEngineersCoverageShowsEveryExpectationOfTheirNextLevelWithGaps() {
        var empty = fx.as(engineer, () -> evidence.coverage(null, null));
        var ladder = fx.as(engineer, () -> evidence.context(null).orElseThrow().ladder());
        assertThat(empty.target().key()).isEqualTo("DSE-2");
        assertThat(empty.lines())
                .hasSize(ladder.requirementsOf("DSE-2", app.rungs.ladder.service.PersonPath.NONE)
                        .size());
        assertThat(empty.lines()).allMatch(l -> l.state() == Coverage.State.GAP);
        assertThat(empty.lines()).anyMatch(Coverage.Line::inherited);
        assertThat(empty.summary())
                .isEqualTo("0 of " + empty.lines().size() + " expectations backed by acknowledged evidence — 0%");

        // fault-tolerance-resilience is defined at DSE-2 itself; failure-modes-network-partitions is inherited from
        // DSE-1; observability is where a DSE-1 item must not count for a DSE-2 expectation.
        log("fault-tolerance-resilience", "DSE-2", true, true);
        log("failure-modes-network-partitions", "DSE-1", true, false);
        log("technical-leadership-mentoring", "DSE-2", false, false);
        var tooLow = ladder.resolve("fault-tolerance-resilience", "DSE-2")
                .definedAt()
                .key();
        assertThat(tooLow).isEqualTo("DSE-2");
        log("fault-tolerance-resilience", "DSE-1", true, true); // counts only for DSE-1 expectations

        var c = fx.as(engineer, () -> evidence.coverage(null, null));
        assertThat(line(c, "fault-tolerance-resilience").state()).isEqualTo(Coverage.State.ACKNOWLEDGED);
        assertThat(line(c, "fault-tolerance-resilience").evidence()).hasSize(1);
        assertThat(line(c, "failure-modes-network-partitions").inherited()).isTrue();
        assertThat(line(c, "failure-modes-network-partitions").state()).isEqualTo(Coverage.State.IN_REVIEW);
        assertThat(line(c, "technical-leadership-mentoring").state()).isEqualTo(Coverage.State.IN_PROGRESS);
        assertThat(c.acknowledged()).isEqualTo(1);
        assertThat(c.inReview()).isEqualTo(1);
        assertThat(c.inProgress()).isEqualTo(1);
        assertThat(c.gaps()).isEqualTo(c.lines().size() - 3);
        assertThat(c.summary())
                .isEqualTo("1 of " + c.lines().size() + " expectations backed by acknowledged evidence — "
                        + Math.round(100.0 / c.lines().size()) + "%");

        // Another target level can be chosen; DSE-3 asks more.
        var dse3 = fx.as(engineer, () -> evidence.coverage(null, "DSE-3"));
        assertThat(dse3.target().key()).isEqualTo("DSE-3");
        assertThat(dse3.lines())
                .hasSize(ladder.requirementsOf("DSE-3", app.rungs.ladder.service.PersonPath.NONE)
                        .size());
    }

    @Test
    void theManagerSeesAReportsCoverageAndOthersDoNot() {
        log("fault-tolerance-resilience", "DSE-2", true, true);
        var owner = fx.personOf(engineer);
        var seen = fx.as(DemoUsers.MANAGER, () -> evidence.coverage(owner, null));
        assertThat(seen.fullName()).isEqualTo("Cora Cover");
        assertThat(seen.acknowledged()).isEqualTo(1);
        assertThatThrownBy(() -> fx.run(DemoUsers.OTHER_MANAGER, () -> evidence.coverage(owner, null)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fx.run(DemoUsers.ENGINEER, () -> evidence.coverage(owner, null)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void coverageShowsTheNewestFewItemsOfALineAndPagesInTheRestOnlyForThoseWhoMaySeeThem() {
        var logged = new java.util.ArrayList<Long>();
        for (int i = 0; i < 8; i++) {
            logged.add(log("fault-tolerance-resilience", "DSE-2", true, false));
        }
        log("fault-tolerance-resilience", "DSE-1", true, false); // below the expectation's level: never counted
        var owner = fx.personOf(engineer);
        var l = line(fx.as(engineer, () -> evidence.coverage(null, null)), "fault-tolerance-resilience");
        var newestFirst = logged.reversed();
        assertThat(l.evidence()).extracting(Coverage.Ref::id).containsExactlyElementsOf(newestFirst.subList(0, 5));
        assertThat(l.evidenceCount()).isEqualTo(8);
        assertThat(l.moreEvidence()).isEqualTo(3);
        assertThat(l.state()).isEqualTo(Coverage.State.IN_REVIEW);

        var rest =
                fx.as(engineer, () -> evidence.coverageEvidence(null, l.competencyKey(), l.definedAtLevelKey(), 5, 50));
        assertThat(rest).extracting(Coverage.Ref::id).containsExactlyElementsOf(newestFirst.subList(5, 8));
        var manager = fx.as(
                DemoUsers.MANAGER,
                () -> evidence.coverageEvidence(owner, l.competencyKey(), l.definedAtLevelKey(), 0, 2));
        assertThat(manager).extracting(Coverage.Ref::id).containsExactlyElementsOf(newestFirst.subList(0, 2));
        assertThatThrownBy(() -> fx.run(
                        DemoUsers.OTHER_MANAGER,
                        () -> evidence.coverageEvidence(owner, l.competencyKey(), l.definedAtLevelKey(), 0, 50)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fx.run(
                        engineer, () -> evidence.coverageEvidence(null, l.competencyKey(), "NO-SUCH-LEVEL", 0, 50)))
                .isInstanceOf(app.rungs.shared.service.ValidationException.class)
                .hasMessageContaining("NO-SUCH-LEVEL");
    }

    @Test
    void gridLoadsAndCoverageTakeAFixedNumberOfStatementsHoweverMuchEvidenceThereIs() {
        var counter = new StatementCounter(emf);
        var page = PageRequest.of(0, 50);
        log("fault-tolerance-resilience", "DSE-2", true, false);

        long findFew = fx.as(engineer, () -> counter.count(() -> evidence.find(null, EvidenceFilter.none(), page)));
        long countFew = fx.as(engineer, () -> counter.count(() -> evidence.count(null, EvidenceFilter.none())));
        long coverageFew = fx.as(engineer, () -> counter.count(() -> evidence.coverage(null, null)));
        long queueFew = fx.as(
                DemoUsers.MANAGER, () -> counter.count(() -> evidenceReview.reviewQueue(EvidenceFilter.none(), page)));
        long queueCountFew = fx.as(
                DemoUsers.MANAGER, () -> counter.count(() -> evidenceReview.reviewQueueCount(EvidenceFilter.none())));

        for (var competency : List.of(
                "observability",
                "load-balancing",
                "rpc-grpc",
                "technical-leadership-mentoring",
                "fault-tolerance-resilience",
                "replication-strategies",
                "distributed-caching",
                "failure-modes-network-partitions")) {
            log(competency, "DSE-2", true, false);
        }

        long findMany = fx.as(engineer, () -> counter.count(() -> evidence.find(null, EvidenceFilter.none(), page)));
        long coverageMany = fx.as(engineer, () -> counter.count(() -> evidence.coverage(null, null)));
        // A level asking far more competencies (inherited ones included) costs the same statements.
        long coverageFewCompetencies = fx.as(engineer, () -> counter.count(() -> evidence.coverage(null, "DSE-1")));
        long coverageManyCompetencies = fx.as(engineer, () -> counter.count(() -> evidence.coverage(null, "DE-1")));
        assertThat(fx.as(engineer, () -> evidence.coverage(null, "DE-1").lines().size()))
                .isGreaterThan(fx.as(
                        engineer, () -> evidence.coverage(null, "DSE-1").lines().size()));
        long queueMany = fx.as(
                DemoUsers.MANAGER, () -> counter.count(() -> evidenceReview.reviewQueue(EvidenceFilter.none(), page)));
        long filtered = fx.as(
                engineer,
                () -> counter.count(() -> evidence.find(
                        null,
                        new EvidenceFilter(
                                EvidenceType.OTHER,
                                "rpc-grpc",
                                app.rungs.evidence.domain.EvidenceStatus.SUBMITTED,
                                "e"),
                        page)));

        // My evidence: one select per page and one count, with or without filters.
        assertThat(findFew).isEqualTo(1);
        assertThat(findMany).isEqualTo(1);
        assertThat(filtered).isEqualTo(1);
        assertThat(countFew).isEqualTo(1);
        // Review inbox: the reporting line (people service) plus one select, however many items wait.
        assertThat(queueMany).isEqualTo(queueFew);
        assertThat(queueFew).isLessThanOrEqualTo(6);
        assertThat(queueCountFew).isLessThanOrEqualTo(6);
        // Coverage: the person, the published ladder, the evidence counts, the newest items and the waivers.
        assertThat(coverageMany).isEqualTo(coverageFew);
        assertThat(coverageManyCompetencies).isEqualTo(coverageFewCompetencies);
        assertThat(coverageFew).isLessThanOrEqualTo(16);
        System.out.printf(
                "Statements — my evidence page: %d, count: %d, review inbox page: %d, inbox count: %d, coverage: %d%n",
                findMany, countFew, queueMany, queueCountFew, coverageMany);
    }
}
