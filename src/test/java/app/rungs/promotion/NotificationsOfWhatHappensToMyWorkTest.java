package app.rungs.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.evidence.service.EvidenceAuthoring;
import app.rungs.evidence.service.EvidenceReview;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.notification.service.NotificationItem;
import app.rungs.notification.service.NotificationService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.promotion.domain.CaseStatus;
import app.rungs.promotion.service.PromotionService;
import app.rungs.security.service.AccountService;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Engineers and managers hear about what others did to their evidence and promotion cases, and no one else does. */
@IntegrationTest
class NotificationsOfWhatHappensToMyWorkTest {

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
    NotificationService notifications;

    @Autowired
    app.rungs.promotion.service.PromotionReviews reviews;

    PromotionFixtures fx;
    String manager;
    String engineer;
    Long engineerId;

    @BeforeEach
    void organization() {
        fx = new PromotionFixtures(
                people, peopleEditing, accounts, users, promotions, evidence, evidenceAuthoring, evidenceReview);
        manager = fx.newManager("Nora Vance");
        engineer = fx.newEngineer("Tobi Lang", "DSE-2", manager);
        engineerId = fx.personOf(engineer);
    }

    private List<String> titles(String username) {
        return fx.as(username, () -> notifications.mine(0, 50)).stream()
                .map(NotificationItem::title)
                .toList();
    }

    @Test
    void anEngineerIsToldWhenTheirManagerAcknowledgesOrReturnsTheirEvidence() {
        var acknowledged =
                fx.logEvidence(engineer, "Led the storage migration", "DSE-3", "failure-modes-network-partitions");
        var returned = fx.logEvidence(engineer, "Wrote the on-call guide", "DSE-3", "failure-modes-network-partitions");
        assertThat(titles(engineer)).noneMatch(t -> t.contains("Led the storage migration"));

        fx.acknowledge(manager, acknowledged);
        fx.run(
                manager,
                () -> evidenceReview.returnForChanges(
                        returned, evidence.details(returned).version(), "Add the outcome, please."));

        var mine = fx.as(engineer, () -> notifications.mine(0, 50));
        assertThat(mine).anySatisfy(n -> {
            assertThat(n.title()).contains("acknowledged").contains("Led the storage migration");
            assertThat(n.link()).isEqualTo("my-evidence");
        });
        assertThat(mine).anySatisfy(n -> {
            assertThat(n.title()).contains("returned").contains("Wrote the on-call guide");
            assertThat(n.body()).contains("Add the outcome, please.");
        });
        // The manager did it; they are not told about their own action.
        assertThat(titles(manager)).noneMatch(t -> t.contains("Wrote the on-call guide"));
    }

    @Test
    void theEngineerAndTheNominatingManagerAreToldWhenACaseMovesThroughCalibration() {
        var id = fx.as(manager, () -> promotions.nominate(engineerId, "DSE-3", "2026-H2", "Ready for DSE-3."));
        fx.run(manager, () -> promotions.submit(id, fx.version(id), null));
        fx.run(DemoUsers.ADMIN, () -> promotions.startCalibration(id, fx.version(id), null));

        assertThat(titles(engineer)).anyMatch(t -> t.contains("in calibration"));
        assertThat(titles(manager)).anyMatch(t -> t.contains("in calibration"));

        fx.run(
                DemoUsers.ADMIN,
                () -> promotions.returnForChanges(id, fx.version(id), CaseStatus.DRAFT, "Needs a design review."));
        var managerNotes = fx.as(manager, () -> notifications.mine(0, 50));
        assertThat(managerNotes).anySatisfy(n -> {
            assertThat(n.title()).contains("returned to Draft");
            assertThat(n.body()).contains("Needs a design review.");
            assertThat(n.link()).isEqualTo("promotions/" + id);
        });
        assertThat(titles(engineer)).anyMatch(t -> t.contains("returned to Draft"));
    }

    @Test
    void anEngineerHearsTheAnswerToTheirSelfNominationAndAReviewerIsAskedByName() {
        var accepted = fx.as(engineer, () -> promotions.nominateSelf("DSE-3", "2026-H2", "I run the design reviews."));
        assertThat(titles(engineer)).noneMatch(t -> t.contains("self-nomination"));
        fx.run(manager, () -> promotions.accept(accepted, fx.version(accepted), null));
        assertThat(titles(engineer)).contains("Your self-nomination for DSE-3 was accepted");

        var reviewer = fx.newEngineer("Rita Quell", "DSE-3", manager);
        assertThat(titles(reviewer)).noneMatch(t -> t.contains("Please review"));
        fx.run(manager, () -> reviews.addReviewer(accepted, fx.version(accepted), fx.personOf(reviewer)));
        assertThat(titles(reviewer))
                .anyMatch(t -> t.startsWith("Please review Tobi Lang ") && t.endsWith("'s promotion case"));

        var other = fx.newEngineer("Ola Brandt", "DSE-2", manager);
        var declined = fx.as(other, () -> promotions.nominateSelf("DSE-3", "2026-H2", "Ready, I think."));
        fx.run(manager, () -> promotions.decline(declined, fx.version(declined), "Let's aim for next cycle."));
        var mine = fx.as(other, () -> notifications.mine(0, 50));
        assertThat(mine).anySatisfy(n -> {
            assertThat(n.title()).isEqualTo("Your self-nomination for DSE-3 was declined");
            assertThat(n.body()).isEqualTo("Let's aim for next cycle.");
        });
    }
}
