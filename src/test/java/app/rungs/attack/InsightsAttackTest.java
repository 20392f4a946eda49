package app.rungs.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.insights.service.InsightFilter;
import app.rungs.insights.service.InsightOptions;
import app.rungs.insights.service.InsightPeople;
import app.rungs.insights.service.InsightQueries;
import app.rungs.insights.service.InsightRows;
import app.rungs.insights.service.Selection;
import app.rungs.people.service.PeopleService;
import app.rungs.shared.service.ValidationException;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.RunAs;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/** Insights are for admins (the organization) and managers (their line): nobody reads past their scope. */
@IntegrationTest
class InsightsAttackTest {

    @Autowired
    InsightQueries insights;

    @Autowired
    InsightPeople people;

    @Autowired
    InsightOptions options;

    @Autowired
    PeopleService peopleService;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RunAs runAs;

    @Test
    void anEngineerAskingForAnyInsightIsRefused() {
        var all = InsightFilter.NONE;
        List<Runnable> calls = List.of(
                () -> insights.timeInLevelByLevel(all),
                () -> insights.timeInLevelByTeam(all),
                () -> insights.promotionVelocity(all),
                () -> insights.promotionRate(all),
                () -> insights.evidencePerMonth(all),
                () -> insights.evidencePerCompetency(all),
                () -> insights.coverage(all),
                () -> people.count(all, Selection.team(Selection.NO_TEAM)),
                () -> people.page(all, Selection.team(Selection.NO_TEAM), 0, 10),
                options::choices);
        for (var call : calls) {
            assertThatThrownBy(() -> runAs.run(DemoUsers.ENGINEER, call)).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void aManagerSeesExactlyTheirReportingLineInEveryCount() {
        List<Long> everyone = jdbc.queryForList(
                "select p.id from person p where p.active and exists (select 1 from level_assignment a"
                        + " where a.person_id = p.id and a.cancelled_at is null and a.effective_date <= current_date)",
                Long.class);
        long expected = runAs.as(DemoUsers.MANAGER, () -> {
            var visible = new HashSet<>(peopleService.visibleAmong(everyone));
            peopleService.me().ifPresent(me -> visible.remove(me.id()));
            return (long) visible.size();
        });
        long counted = runAs.as(DemoUsers.MANAGER, () -> insights.timeInLevelByLevel(InsightFilter.NONE)).stream()
                .mapToLong(InsightRows.Spread::people)
                .sum();
        long orgWide = runAs.as(DemoUsers.ADMIN, () -> insights.timeInLevelByLevel(InsightFilter.NONE)).stream()
                .mapToLong(InsightRows.Spread::people)
                .sum();
        assertThat(expected).isPositive();
        assertThat(counted).isEqualTo(expected);
        assertThat(orgWide).isGreaterThan(counted);
    }

    @Test
    void aManagerFilteringOnAnotherManagersTeamGetsNobody() {
        // Sofia Rossi's team is outside Daniel Okafor's line: the filter narrows his scope, never widens it.
        Long sofiasTeam = jdbc.queryForObject(
                "select team_id from person where lower(email) = ?", Long.class, DemoUsers.OTHER_MANAGER);
        var filter = new InsightFilter(null, null, sofiasTeam, null);
        assertThat(runAs.as(DemoUsers.ADMIN, () -> people.count(filter, Selection.team(sofiasTeam))))
                .isPositive();
        assertThat(runAs.as(DemoUsers.MANAGER, () -> insights.timeInLevelByLevel(filter)))
                .isEmpty();
        assertThat(runAs.as(DemoUsers.MANAGER, () -> people.count(filter, Selection.team(sofiasTeam))))
                .isZero();
        assertThat(runAs.as(
                        DemoUsers.MANAGER, () -> people.page(InsightFilter.NONE, Selection.team(sofiasTeam), 0, 50)))
                .isEmpty();
    }

    @Test
    void aPageRequestOutsideTheLimitsIsRefusedBeforeAnyRead() {
        assertThatThrownBy(() -> runAs.as(
                        DemoUsers.ADMIN,
                        () -> people.page(InsightFilter.NONE, Selection.team(Selection.NO_TEAM), 0, 100_000)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("1 to 500");
    }
}
