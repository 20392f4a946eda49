package app.rungs.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.checkin.CheckInFixtures;
import app.rungs.checkin.domain.CheckInStatus;
import app.rungs.checkin.domain.Rating;
import app.rungs.checkin.service.CheckInReads;
import app.rungs.checkin.service.CheckInRow;
import app.rungs.checkin.service.CheckInService;
import app.rungs.checkin.service.OutcomeInput;
import app.rungs.checkin.service.RatingInput;
import app.rungs.evidence.service.EvidenceAuthoring;
import app.rungs.evidence.service.EvidenceReview;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.promotion.PromotionFixtures;
import app.rungs.promotion.service.PromotionService;
import app.rungs.security.service.AccountService;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Attacks on the blind rule and the privacy of check-ins: each side reads the other's ratings only after both
 * submitted; nobody but the two participants learns anything; a frozen check-in does not change.
 */
@IntegrationTest
class CheckInBlindRatingAttackTest {

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
    CheckInService checkIns;

    @Autowired
    CheckInReads reads;

    PromotionFixtures fx;
    CheckInFixtures ci;
    String otherManager;
    String colleague;

    @BeforeEach
    void people() {
        fx = new PromotionFixtures(
                people, peopleEditing, accounts, users, promotions, evidence, evidenceAuthoring, evidenceReview);
        ci = new CheckInFixtures(fx, checkIns, reads, "Blind");
        otherManager = fx.newManager("Blind Outsider Manager");
        colleague = fx.newEngineer("Blind Colleague", "DSE-2", ci.manager);
    }

    @Test
    void theManagerCannotReadTheEngineersDraftOrSubmittedRatingsBeforeBothSubmitted() {
        var id = ci.start();
        var draft = ci.details(ci.engineer, id);
        fx.run(
                ci.engineer,
                () -> checkIns.saveDraft(
                        id, draft.myVersion(), ci.ratings(draft, i -> Rating.EXCEEDS, "engineer-secret-draft")));

        var managerView = ci.details(ci.manager, id);
        assertThat(managerView.items()).allSatisfy(i -> assertThat(i.theirs()).isNull());
        assertThat(managerView.toString())
                .doesNotContain("engineer-secret-draft")
                .doesNotContain("EXCEEDS");

        ci.submitAll(ci.engineer, id, Rating.EXCEEDS, "engineer-secret-submitted");
        managerView = ci.details(ci.manager, id);
        assertThat(managerView.engineerSubmittedAt())
                .as("that they submitted is no secret")
                .isNotNull();
        assertThat(managerView.items()).allSatisfy(i -> assertThat(i.theirs()).isNull());
        assertThat(managerView.toString()).doesNotContain("engineer-secret-submitted");

        ci.submitAll(ci.manager, id, Rating.GROWING, "manager-view");
        managerView = ci.details(ci.manager, id);
        assertThat(managerView.status()).isEqualTo(CheckInStatus.READY_TO_COMPARE);
        assertThat(managerView.items())
                .allSatisfy(i -> assertThat(i.theirs().note()).isEqualTo("engineer-secret-submitted"));
    }

    @Test
    void theEngineerCannotReadTheManagersRatingsBeforeBothSubmitted() {
        var id = ci.start(ci.manager, LocalDate.now().plusDays(7));
        ci.submitAll(ci.manager, id, Rating.NOT_YET, "manager-secret");

        var engineerView = ci.details(ci.engineer, id);
        assertThat(engineerView.items()).allSatisfy(i -> assertThat(i.theirs()).isNull());
        assertThat(engineerView.toString()).doesNotContain("manager-secret").doesNotContain("NOT_YET");
        var row = fx.as(ci.engineer, () -> reads.mine(null, 0, 50)).stream()
                .filter(r -> r.id().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(row.stage()).isEqualTo(CheckInRow.Stage.WAITING_FOR_YOU);
        var managerRow = fx.as(ci.manager, () -> reads.mine(null, 0, 50)).stream()
                .filter(r -> r.id().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(managerRow.stage()).isEqualTo(CheckInRow.Stage.WAITING_FOR_OTHER);
        assertThat(managerRow.stageText()).startsWith("Waiting for Blind Engineer");
    }

    @Test
    void otherManagersColleaguesAndAdminsSeeNothingOfACheckIn() {
        var id = ci.start();
        ci.submitAll(ci.engineer, id, Rating.MEETS, "private");
        ci.submitAll(ci.manager, id, Rating.MEETS, "private");
        var engineerId = fx.personOf(ci.engineer);
        for (var outsider : List.of(otherManager, colleague, DemoUsers.ADMIN, DemoUsers.MANAGER)) {
            assertThatThrownBy(() -> fx.as(outsider, () -> reads.details(id)))
                    .as(outsider)
                    .isInstanceOf(NotFoundException.class)
                    .hasMessage("Check-in not found");
            assertThatThrownBy(() -> fx.as(outsider, () -> reads.evidenceOptions(id)))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> fx.as(outsider, () -> checkIns.saveDraft(id, 0, Map.of())))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> fx.as(outsider, () -> reads.history(engineerId)))
                    .isInstanceOf(NotFoundException.class);
            assertThat(fx.as(outsider, () -> reads.mine(null, 0, 200)))
                    .extracting(CheckInRow::id)
                    .doesNotContain(id);
            assertThat(fx.as(outsider, () -> reads.mayReadHistory(engineerId))).isFalse();
        }
    }

    @Test
    void anOutsiderCannotStartACheckInForSomeoneElsesReport() {
        var engineerId = fx.personOf(ci.engineer);
        assertThatThrownBy(() -> fx.as(
                        otherManager,
                        () -> checkIns.start(engineerId, null, LocalDate.now().plusDays(3))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx.as(
                        colleague,
                        () -> checkIns.start(engineerId, null, LocalDate.now().plusDays(3))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(fx.as(ci.engineer, () -> reads.countMine(null))).isZero();
    }

    @Test
    void theEngineerCannotRecordTheAgreementAndNobodyAgreesBeforeBothSubmitted() {
        var id = ci.start();
        var d = ci.details(ci.manager, id);
        var outcomes = new java.util.LinkedHashMap<String, OutcomeInput>();
        d.items().forEach(i -> outcomes.put(i.competencyKey(), new OutcomeInput(Rating.MEETS, null)));
        assertThatThrownBy(() -> fx.run(ci.manager, () -> checkIns.agree(id, d.version(), outcomes, null)))
                .isInstanceOf(ValidationException.class)
                .hasMessage("Both must submit their ratings before an outcome can be agreed.");
        ci.submitAll(ci.engineer, id, Rating.MEETS, null);
        ci.submitAll(ci.manager, id, Rating.MEETS, null);
        var ready = ci.details(ci.engineer, id);
        assertThatThrownBy(() -> fx.run(ci.engineer, () -> checkIns.agree(id, ready.version(), outcomes, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(ci.details(ci.engineer, id).status()).isEqualTo(CheckInStatus.READY_TO_COMPARE);
    }

    @Test
    void aFrozenCheckInRefusesEveryChangeAndKeepsItsOutcome() {
        var id = ci.start();
        ci.submitAll(ci.engineer, id, Rating.MEETS, null);
        ci.submitAll(ci.manager, id, Rating.GROWING, null);
        ci.agreeAll(id, Rating.GROWING);
        var frozen = ci.details(ci.manager, id);
        assertThat(frozen.status()).isEqualTo(CheckInStatus.AGREED);

        assertThatThrownBy(() -> fx.run(
                        ci.engineer,
                        () -> checkIns.saveDraft(id, ci.details(ci.engineer, id).myVersion(), Map.of())))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("agreed and frozen");
        var outcomes = new java.util.LinkedHashMap<String, OutcomeInput>();
        frozen.items().forEach(i -> outcomes.put(i.competencyKey(), new OutcomeInput(Rating.EXCEEDS, null)));
        assertThatThrownBy(() -> fx.run(ci.manager, () -> checkIns.agree(id, frozen.version(), outcomes, null)))
                .isInstanceOf(ValidationException.class)
                .hasMessage("This check-in is already agreed and frozen.");
        assertThat(ci.details(ci.manager, id).items())
                .allSatisfy(i -> assertThat(i.outcome()).isEqualTo(Rating.GROWING));
    }

    @Test
    void aRatingCannotLinkEvidenceThatIsNotTheEngineersOwn() {
        var foreign = fx.logEvidence(colleague, "Colleague's work", "DSE-2", "consensus-algorithms");
        var id = ci.start();
        var d = ci.details(ci.engineer, id);
        var key = d.items().getFirst().competencyKey();
        assertThatThrownBy(() -> fx.run(
                        ci.engineer,
                        () -> checkIns.saveDraft(
                                id, d.myVersion(), Map.of(key, new RatingInput(Rating.MEETS, null, List.of(foreign))))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("own evidence only");
        assertThat(ci.details(ci.engineer, id).items().getFirst().mine().rating())
                .isNull();
    }
}
