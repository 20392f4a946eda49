package app.rungs.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.audit.service.AuditFilter;
import app.rungs.audit.service.AuditService;
import app.rungs.checkin.domain.CheckInStatus;
import app.rungs.checkin.domain.Rating;
import app.rungs.checkin.service.CheckInReads;
import app.rungs.checkin.service.CheckInService;
import app.rungs.checkin.service.OutcomeInput;
import app.rungs.checkin.service.RatingInput;
import app.rungs.evidence.service.EvidenceAuthoring;
import app.rungs.evidence.service.EvidenceReview;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.promotion.PromotionFixtures;
import app.rungs.promotion.service.PacketInputSource;
import app.rungs.promotion.service.PromotionPackets;
import app.rungs.promotion.service.PromotionService;
import app.rungs.security.service.AccountService;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.ValidationException;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.StatementCounter;
import jakarta.persistence.EntityManagerFactory;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Check-ins through their services: the competencies of the next level snapshotted from the ladder version, rating
 * and submitting, the comparison, agreeing, history, the packet section, audit and statement counts.
 */
@IntegrationTest
class CheckInServiceTest {

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
    PromotionPackets packets;

    @Autowired
    EvidenceService evidence;

    @Autowired
    EvidenceAuthoring evidenceAuthoring;

    @Autowired
    EvidenceReview evidenceReview;

    @Autowired
    CheckInService checkIns;

    @Autowired
    CheckInReads reads;

    @Autowired
    AuditService audit;

    @Autowired
    List<PacketInputSource> sources;

    @Autowired
    EntityManagerFactory emf;

    PromotionFixtures fx;
    CheckInFixtures ci;

    @BeforeEach
    void people() {
        fx = new PromotionFixtures(
                people, peopleEditing, accounts, users, promotions, evidence, evidenceAuthoring, evidenceReview);
        ci = new CheckInFixtures(fx, checkIns, reads, "Service");
    }

    @Test
    void aCheckInRatesTheNextLevelsCompetenciesOfThePathFrozenToTheLadderVersion() {
        var id = ci.start();
        var d = ci.details(ci.engineer, id);
        assertThat(d.levelKey()).isEqualTo("DSE-2");
        assertThat(d.targetLevelKey()).isEqualTo("DSE-3");
        assertThat(d.ladderVersion()).isPositive();
        assertThat(d.items())
                .isNotEmpty()
                .allSatisfy(i -> assertThat(i.statement()).isNotBlank());
        assertThat(d.status()).isEqualTo(CheckInStatus.RATING);

        assertThatThrownBy(ci::start)
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("already has a check-in that is not agreed yet");
        assertThatThrownBy(() -> ci.start(ci.manager, LocalDate.now().minusDays(1)))
                .isInstanceOf(ValidationException.class)
                .hasMessage("Choose a due date between today and one year from now.");
    }

    @Test
    void submittingWithACompetencyUnratedIsRefusedAndChangesNothing() {
        var id = ci.start();
        var d = ci.details(ci.engineer, id);
        var partial = ci.ratings(d, i -> i == 0 ? null : Rating.MEETS, null);
        assertThatThrownBy(() -> fx.run(ci.engineer, () -> checkIns.submit(id, d.myVersion(), partial)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Rate every competency before submitting; 1 is not rated yet: "
                        + d.items().getFirst().competencyName());
        var after = ci.details(ci.engineer, id);
        assertThat(after.engineerSubmittedAt()).isNull();
        assertThat(after.items().get(1).mine().rating()).as("rolled back").isNull();
    }

    @Test
    void aDraftSavedOverAStaleVersionIsRefusedAsAConcurrentEdit() {
        var id = ci.start();
        var d = ci.details(ci.engineer, id);
        var key = d.items().getFirst().competencyKey();
        var newVersion = fx.as(
                ci.engineer,
                () -> checkIns.saveDraft(
                        id, d.myVersion(), Map.of(key, new RatingInput(Rating.GROWING, "first tab", List.of()))));
        assertThat(newVersion).isGreaterThan(d.myVersion());
        assertThatThrownBy(() -> fx.run(
                        ci.engineer,
                        () -> checkIns.saveDraft(
                                id,
                                d.myVersion(),
                                Map.of(key, new RatingInput(Rating.EXCEEDS, "second tab", List.of())))))
                .isInstanceOf(ConcurrentEditException.class)
                .hasMessageContaining("Your ratings was changed by someone else");
        assertThat(ci.details(ci.engineer, id).items().getFirst().mine().note()).isEqualTo("first tab");
        // The manager's side has its own version: their draft does not conflict with the engineer's.
        var m = ci.details(ci.manager, id);
        fx.run(
                ci.manager,
                () -> checkIns.saveDraft(
                        id, m.myVersion(), Map.of(key, new RatingInput(Rating.MEETS, null, List.of()))));
    }

    @Test
    void bothSeeTheComparisonWithDisagreementsThenAgreeAndTheOutcomeReachesHistoryPacketAndAudit() {
        var own = fx.logEvidence(ci.engineer, "Led the consensus rewrite", "DSE-3", "consensus-algorithms");
        var id = ci.start();
        var e = ci.details(ci.engineer, id);
        var engineerRatings = new LinkedHashMap<>(ci.ratings(e, i -> Rating.MEETS, "I did this"));
        var firstKey = e.items().getFirst().competencyKey();
        engineerRatings.put(firstKey, new RatingInput(Rating.EXCEEDS, "Look at the rewrite", List.of(own)));
        fx.run(ci.engineer, () -> checkIns.submit(id, e.myVersion(), engineerRatings));
        ci.submitAll(ci.manager, id, Rating.MEETS, "Agreed mostly");

        var compare = ci.details(ci.engineer, id);
        assertThat(compare.status()).isEqualTo(CheckInStatus.READY_TO_COMPARE);
        assertThat(compare.disagreements()).isEqualTo(1);
        assertThat(compare.items().getFirst().disagree()).isTrue();
        assertThat(compare.items().getFirst().mine().evidence())
                .singleElement()
                .satisfies(l -> assertThat(l.title()).isEqualTo("Led the consensus rewrite"));
        assertThat(ci.details(ci.manager, id).items().getFirst().theirs().rating())
                .isEqualTo(Rating.EXCEEDS);

        var m = ci.details(ci.manager, id);
        var outcomes = new LinkedHashMap<String, OutcomeInput>();
        m.items().forEach(i -> outcomes.put(i.competencyKey(), new OutcomeInput(Rating.MEETS, null)));
        outcomes.put(firstKey, new OutcomeInput(Rating.EXCEEDS, "The rewrite is DSE-3 work"));
        fx.run(ci.manager, () -> checkIns.agree(id, m.version(), outcomes, "Good conversation"));
        assertThatThrownBy(() -> fx.run(ci.manager, () -> checkIns.agree(id, m.version(), outcomes, null)))
                .isInstanceOf(ValidationException.class);

        var agreed = ci.details(ci.engineer, id);
        assertThat(agreed.status()).isEqualTo(CheckInStatus.AGREED);
        assertThat(agreed.items().getFirst().outcome()).isEqualTo(Rating.EXCEEDS);
        fx.run(ci.engineer, () -> checkIns.acknowledge(id, agreed.version()));
        assertThat(ci.details(ci.engineer, id).acknowledgedAt()).isNotNull();

        var engineerId = fx.personOf(ci.engineer);
        var history = fx.as(ci.manager, () -> reads.history(engineerId));
        assertThat(history).hasSize(agreed.items().size());
        assertThat(history.getFirst().latest()).isEqualTo(Rating.EXCEEDS);

        // The packet of her promotion case shows the agreed check-in to the manager and to herself.
        var caseId = fx.as(ci.manager, () -> promotions.nominate(engineerId, "DSE-3", "2026-H2", "Ready for DSE-3."));
        for (var reader : List.of(ci.manager, ci.engineer)) {
            var sections = fx.as(reader, () -> packets.inputs(caseId));
            assertThat(sections).anySatisfy(s -> {
                assertThat(s.title()).isEqualTo("Latest agreed check-in");
                assertThat(s.summary()).contains("2026-H2").contains("Good conversation");
                assertThat(s.items().getFirst().text()).isEqualTo("Exceeds");
                assertThat(s.items().getFirst().detail()).isEqualTo("The rewrite is DSE-3 work");
            });
        }
        assertThat(fx.as(ci.manager, () -> packets.exportMarkdown(caseId)))
                .contains("## Latest agreed check-in")
                .contains("The rewrite is DSE-3 work");

        var actions = fx
                .as(
                        DemoUsers.ADMIN,
                        () -> audit.find(
                                new AuditFilter(null, null, "CheckIn", null, null, null), PageRequest.of(0, 200)))
                .stream()
                .filter(a -> String.valueOf(id).equals(a.objectId()))
                .map(a -> a.action())
                .toList();
        assertThat(actions)
                .contains("CHECK_IN_STARTED", "CHECK_IN_SUBMITTED", "CHECK_IN_AGREED", "CHECK_IN_ACKNOWLEDGED");
    }

    @Test
    void theListsAndTheHistoryReadInOneStatementWhateverTheirSize() {
        for (int n = 0; n < 3; n++) {
            var id = ci.start();
            ci.submitAll(ci.engineer, id, Rating.MEETS, null);
            ci.submitAll(ci.manager, id, Rating.GROWING, null);
            ci.agreeAll(id, n == 2 ? Rating.MEETS : Rating.GROWING);
        }
        ci.start();
        var counter = new StatementCounter(emf);
        var engineerId = fx.personOf(ci.engineer);
        var rows = new java.util.ArrayList<app.rungs.checkin.service.CheckInRow>();
        long list = fx.as(ci.manager, () -> counter.count(() -> rows.addAll(reads.mine(null, 0, 50))));
        assertThat(rows).hasSize(4);
        assertThat(list).isEqualTo(1);
        long count = fx.as(ci.manager, () -> counter.count(() -> reads.countMine(engineerId)));
        assertThat(count).isEqualTo(1);
        long history = fx.as(ci.engineer, () -> counter.count(() -> reads.history(engineerId)));
        assertThat(history)
                .as("the access check reads nothing for oneself, then one statement")
                .isEqualTo(1);
        var open = rows.getFirst().id();
        long details = fx.as(ci.engineer, () -> counter.count(() -> reads.details(open)));
        assertThat(details).as("check-in, sides, items, two people").isLessThanOrEqualTo(4);
    }
}
