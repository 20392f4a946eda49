package app.rungs.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.evidence.domain.WaiverStatus;
import app.rungs.evidence.service.CompetencyWaivers;
import app.rungs.evidence.service.EvidenceAuthoring;
import app.rungs.evidence.service.EvidenceReview;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.promotion.PromotionFixtures;
import app.rungs.promotion.service.PromotionService;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.shared.service.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * "Not applicable to this person" takes a competency out of someone's readiness, so only a manager of their line
 * decides it: never the person themselves (even when they are a manager), never a manager of another line.
 */
@app.rungs.support.IntegrationTest
class WaiverAttackTest {

    @Autowired
    PromotionService promotions;

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
    CompetencyWaivers waivers;

    PromotionFixtures fx;
    String manager;
    String otherManager;
    String engineer;
    Long engineerId;

    @BeforeEach
    void anEngineerWithAManagerAndAManagerOfAnotherLine() {
        fx = new PromotionFixtures(
                people, peopleEditing, accounts, users, promotions, evidence, evidenceAuthoring, evidenceReview);
        manager = fx.newManager("Waiver Manager");
        otherManager = fx.newManager("Waiver Outsider");
        engineer = fx.newEngineer("Waiver Engineer", "DSE-2", manager);
        engineerId = fx.personOf(engineer);
    }

    private Long requested(String who) {
        return fx.as(who, () -> waivers.request("consensus-algorithms", "My team runs no replicated state."));
    }

    private WaiverStatus statusOf(Long personId) {
        return SystemAuthentication.call(
                () -> waivers.of(personId).get("consensus-algorithms").status());
    }

    @Test
    void anEngineerCannotApproveTheirOwnWaiver() {
        var id = requested(engineer);
        assertThatThrownBy(() -> fx.run(engineer, () -> waivers.decide(id, 0, true, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx.run(
                        engineer,
                        () -> waivers.markNotApplicable(engineerId, "consensus-algorithms", "Does not apply to me.")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(statusOf(engineerId)).isEqualTo(WaiverStatus.REQUESTED);
    }

    @Test
    void aManagerCannotApproveTheirOwnWaiverThoughTheirRoleDecidesOthers() {
        var id = requested(manager);
        Long managerId = fx.personOf(manager);
        assertThatThrownBy(() -> fx.run(manager, () -> waivers.decide(id, 0, true, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx.run(
                        manager,
                        () -> waivers.markNotApplicable(managerId, "incident-response-postmortems", "Not me.")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(statusOf(managerId)).isEqualTo(WaiverStatus.REQUESTED);
    }

    @Test
    void aManagerOutsideTheLineCannotApproveDeclineOrMarkAndLearnsNothing() {
        var id = requested(engineer);
        assertThatThrownBy(() -> fx.run(otherManager, () -> waivers.decide(id, 0, true, null)))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("Waiver not found");
        assertThatThrownBy(() -> fx.run(otherManager, () -> waivers.decide(id, 0, false, "No.")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fx.run(
                        otherManager,
                        () -> waivers.markNotApplicable(
                                engineerId, "incident-response-postmortems", "Outsider says so.")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fx.run(otherManager, () -> waivers.of(engineerId)))
                .isInstanceOf(NotFoundException.class);
        assertThat(statusOf(engineerId)).isEqualTo(WaiverStatus.REQUESTED);
    }

    @Test
    void theEngineersOwnManagerApprovesIt() {
        var id = requested(engineer);
        assertThat(fx.as(
                        manager,
                        () -> waivers.of(engineerId).get("consensus-algorithms").mayDecide()))
                .isTrue();
        fx.run(manager, () -> waivers.decide(id, 0, true, "Agreed: no replicated state in your scope."));
        assertThat(statusOf(engineerId)).isEqualTo(WaiverStatus.APPROVED);
    }
}
