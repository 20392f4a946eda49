package app.rungs.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.ladder.service.LadderLifecycleService;
import app.rungs.ladder.service.LadderService;
import app.rungs.ladder.service.LadderSummary;
import app.rungs.people.service.PeopleService;
import app.rungs.promotion.service.CaseFilter;
import app.rungs.promotion.service.CaseRow;
import app.rungs.promotion.service.PromotionService;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Service methods guarded only by "signed in" that returned organization-wide data: an engineer calling them
 * directly (as a crafted request to a view's data provider would) gets only what engineers may see.
 */
@IntegrationTest
class ScopeAttackTest {

    @Autowired
    LadderService ladders;

    @Autowired
    LadderLifecycleService lifecycle;

    @Autowired
    PeopleService people;

    @Autowired
    PromotionService promotions;

    @Autowired
    app.rungs.promotion.service.PromotionQueries queries;

    @Test
    @WithUserDetails(DemoUsers.ENGINEER)
    void anEngineerListingLaddersSeesNoDraftsAndNoUnpublishedLadder() {
        var unpublished = "Secret ladder " + UUID.randomUUID().toString().substring(0, 8);
        SystemAuthentication.run(() -> lifecycle.createBlank(unpublished, "Not announced yet"));
        var adminView = SystemAuthentication.call(() -> ladders.list());
        assertThat(adminView).extracting(LadderSummary::name).contains(unpublished);
        assertThat(adminView).anyMatch(l -> l.draftVersionId() != null);

        var list = ladders.list();
        assertThat(list).isNotEmpty();
        assertThat(list).extracting(LadderSummary::name).doesNotContain(unpublished);
        assertThat(list).allSatisfy(l -> {
            assertThat(l.publishedVersionId()).isNotNull();
            assertThat(l.draftVersionId()).isNull();
            assertThat(l.draftNumber()).isNull();
        });
        assertThat(ladders.list(0, 100)).isEqualTo(list);
        assertThat(ladders.count()).isEqualTo(list.size());
        assertThat(SystemAuthentication.call(() -> ladders.count())).isGreaterThan(list.size());
    }

    @Test
    @WithUserDetails(DemoUsers.ENGINEER)
    void anEngineerCannotReadOrganizationWideHeadCountsPerLevel() {
        var ladderId = ladders.defaultLadderId().orElseThrow();
        assertThatThrownBy(() -> people.holdersByLevel(ladderId)).isInstanceOf(AccessDeniedException.class);
        assertThat(SystemAuthentication.call(() -> people.holdersByLevel(ladderId)))
                .isNotEmpty();
    }

    @Test
    @WithUserDetails(DemoUsers.ENGINEER)
    void anEngineerCannotListTheTeamsOfTheOrganization() {
        assertThatThrownBy(() -> people.teams()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void aManagerStillListsTeamsForCalibrationScopes() {
        assertThat(people.teams()).isNotEmpty();
    }

    @Test
    @WithUserDetails(DemoUsers.ENGINEER)
    void anEngineerSeesOnlyTheCyclesAndTargetLevelsOfCasesTheyMaySee() {
        var visible = promotions.find(CaseFilter.none(), PageRequest.of(0, 500));
        var allCycles = SystemAuthentication.call(() -> queries.cycles());
        var allTargets = SystemAuthentication.call(() -> queries.targetLevels());

        assertThat(queries.cycles())
                .containsExactlyInAnyOrderElementsOf(
                        visible.stream().map(CaseRow::cycle).distinct().toList());
        assertThat(queries.targetLevels())
                .containsExactlyInAnyOrderElementsOf(
                        visible.stream().map(CaseRow::targetLevelKey).distinct().toList());
        assertThat(allCycles.size() + allTargets.size())
                .as("the organization has cases this engineer does not see")
                .isGreaterThan(queries.cycles().size() + queries.targetLevels().size());
    }
}
