package app.rungs.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.evidence.service.EvidenceAuthoring;
import app.rungs.evidence.service.EvidenceReview;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.promotion.PromotionFixtures;
import app.rungs.promotion.domain.SignOff;
import app.rungs.promotion.service.PromotionPackets;
import app.rungs.promotion.service.PromotionReviews;
import app.rungs.promotion.service.PromotionService;
import app.rungs.promotion.service.PromotionSettingsService;
import app.rungs.security.service.AccountService;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Reviewers' verdicts ("Has concerns") are the committee's unless the organization chooses to share them: the
 * engineer's copy of the case never carries them by default, whatever screen or export reads it, and only an admin
 * changes that.
 */
@IntegrationTest
class VerdictVisibilityAttackTest {

    @Autowired
    PromotionService promotions;

    @Autowired
    PromotionReviews reviews;

    @Autowired
    PromotionPackets packets;

    @Autowired
    PromotionSettingsService settings;

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

    PromotionFixtures fx;

    @AfterEach
    void backToTheDefault() {
        if (fx != null) {
            fx.run(DemoUsers.ADMIN, () -> {
                var current = settings.settings();
                if (current.verdictsShownToEngineer()) {
                    settings.showVerdictsToEngineer(false, current.version());
                }
            });
        }
    }

    private Long caseWithConcerns(String manager, String engineer, String reviewer) {
        var engineerId = fx.personOf(engineer);
        var id = fx.as(manager, () -> promotions.nominate(engineerId, "DSE-3", "2026-H2", "Leads the storage work."));
        fx.run(manager, () -> reviews.addReviewer(id, fx.version(id), fx.personOf(reviewer)));
        fx.run(manager, () -> promotions.submit(id, fx.version(id), null));
        fx.run(reviewer, () -> reviews.signOff(id, SignOff.CONCERNS, "Scope still team-local."));
        return id;
    }

    @Test
    void anEngineerReadingTheirOwnCaseGetsNoVerdictsUntilAnAdminSharesThem() throws Exception {
        fx = new PromotionFixtures(
                people, peopleEditing, accounts, users, promotions, evidence, evidenceAuthoring, evidenceReview);
        var manager = fx.newManager("Maren Holt");
        var engineer = fx.newEngineer("Tarek Aziz", "DSE-2", manager);
        var reviewer = fx.newManager("Ulla Berg");
        var id = caseWithConcerns(manager, engineer, reviewer);

        var own = fx.as(engineer, () -> packets.details(id)).reviewers().getFirst();
        assertThat(own.signOff()).isNull();
        assertThat(own.signedAt()).isNull();
        assertThat(fx.as(engineer, () -> packets.exportMarkdown(id)))
                .doesNotContain(SignOff.CONCERNS.label())
                .contains("verdict for the committee");
        assertThat(fx.as(manager, () -> packets.details(id))
                        .reviewers()
                        .getFirst()
                        .signOff())
                .isEqualTo(SignOff.CONCERNS);

        fx.run(
                DemoUsers.ADMIN,
                () -> settings.showVerdictsToEngineer(true, settings.settings().version()));
        assertThat(fx.as(engineer, () -> packets.details(id))
                        .reviewers()
                        .getFirst()
                        .signOff())
                .isEqualTo(SignOff.CONCERNS);
        // The comment stays the committee's either way.
        assertThat(fx.as(engineer, () -> packets.details(id))
                        .reviewers()
                        .getFirst()
                        .comment())
                .isNull();
    }

    @Test
    void aManagerOrTheEngineerCannotShareVerdicts() {
        fx = new PromotionFixtures(
                people, peopleEditing, accounts, users, promotions, evidence, evidenceAuthoring, evidenceReview);
        assertThatThrownBy(() -> fx.run(DemoUsers.MANAGER, () -> settings.showVerdictsToEngineer(true, 0)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx.run(DemoUsers.ENGINEER, () -> settings.settings()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(fx.as(DemoUsers.ADMIN, () -> settings.settings().verdictsShownToEngineer()))
                .isFalse();
    }
}
