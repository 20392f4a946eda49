package app.rungs.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.checkin.domain.Rating;
import app.rungs.checkin.service.CheckInReads;
import app.rungs.checkin.service.CheckInService;
import app.rungs.cycle.service.CycleProgressSource;
import app.rungs.cycle.service.CycleRef;
import app.rungs.cycle.service.CycleStep;
import app.rungs.evidence.service.EvidenceAuthoring;
import app.rungs.evidence.service.EvidenceReview;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.promotion.PromotionFixtures;
import app.rungs.promotion.service.PromotionService;
import app.rungs.security.service.AccountService;
import app.rungs.support.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Check-ins report the self-assessment and manager-assessment steps of a review cycle: who submitted their side. */
@IntegrationTest
class CheckInCycleProgressTest {

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

    @Autowired
    List<CycleProgressSource> sources;

    @Test
    void theEngineersSubmissionIsTheSelfAssessmentAndTheManagersTheManagerAssessment() {
        var fx = new PromotionFixtures(
                people, peopleEditing, accounts, users, promotions, evidence, evidenceAuthoring, evidenceReview);
        var ci = new CheckInFixtures(fx, checkIns, reads, "Cycle");
        var id = ci.start();
        var engineerId = fx.personOf(ci.engineer);
        var idle = fx.personOf(ci.manager);
        var cycle = new CycleRef(
                "2026-H2", LocalDate.now().minusDays(30), LocalDate.now().plusDays(30));
        var self = source(CycleStep.SELF_ASSESSMENT);
        var manager = source(CycleStep.MANAGER_ASSESSMENT);

        assertThat(self.completed(cycle, List.of(engineerId, idle))).isEmpty();
        ci.submitAll(ci.engineer, id, Rating.MEETS, null);
        assertThat(self.completed(cycle, List.of(engineerId, idle))).containsExactly(engineerId);
        assertThat(manager.completed(cycle, List.of(engineerId))).isEmpty();
        ci.submitAll(ci.manager, id, Rating.MEETS, null);
        assertThat(manager.completed(cycle, List.of(engineerId))).containsExactly(engineerId);
        assertThat(self.completed(
                        new CycleRef("2025-H1", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30)),
                        List.of(engineerId)))
                .as("another cycle")
                .isEmpty();
    }

    private CycleProgressSource source(CycleStep step) {
        return sources.stream().filter(s -> s.step() == step).findFirst().orElseThrow();
    }
}
