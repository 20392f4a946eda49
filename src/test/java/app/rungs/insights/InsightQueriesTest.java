package app.rungs.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.rungs.insights.service.InsightFilter;
import app.rungs.insights.service.InsightPeople;
import app.rungs.insights.service.InsightQueries;
import app.rungs.insights.service.InsightRows;
import app.rungs.insights.service.Selection;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.RunAs;
import app.rungs.support.StatementCounter;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Each insight's numbers against the hand-computed fixture of {@link InsightFixture}, and one statement per chart. */
@IntegrationTest
class InsightQueriesTest {

    @Autowired
    InsightQueries insights;

    @Autowired
    InsightPeople people;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Autowired
    RunAs runAs;

    @Autowired
    EntityManagerFactory emf;

    InsightFixture fx;
    InsightFilter team;

    @BeforeEach
    void fixture() {
        fx = new InsightFixture(jdbc, InsightFixture.demoLadder(jdbc), LocalDate.now(clock));
        team = new InsightFilter(null, null, fx.team, null);
    }

    private <T> T admin(Supplier<T> work) {
        return runAs.as(DemoUsers.ADMIN, work);
    }

    @Test
    void timeInLevelByLevelGivesTheBoxOfEachLevelLowestFirst() {
        var rows = admin(() -> insights.timeInLevelByLevel(team));
        assertThat(rows)
                .extracting(
                        InsightRows.Spread::levelKey,
                        InsightRows.Spread::people,
                        InsightRows.Spread::minDays,
                        InsightRows.Spread::q1Days,
                        InsightRows.Spread::medianDays,
                        InsightRows.Spread::q3Days,
                        InsightRows.Spread::maxDays)
                .containsExactly(
                        tuple("DSE-1", 3L, 100.0, 150.0, 200.0, 250.0, 300.0),
                        tuple("DSE-2", 2L, 100.0, 175.0, 250.0, 325.0, 400.0),
                        tuple("DSE-3", 1L, 500.0, 500.0, 500.0, 500.0, 500.0));
    }

    @Test
    void timeInLevelByTeamGivesTheTeamsBoxNotOnlyItsMean() {
        var rows = admin(() -> insights.timeInLevelByTeam(team));
        // 100, 100, 200, 300, 400, 500: quartiles interpolate between neighbours (the mean would be 266.7).
        assertThat(rows)
                .extracting(
                        InsightRows.Spread::teamId,
                        InsightRows.Spread::people,
                        InsightRows.Spread::q1Days,
                        InsightRows.Spread::medianDays,
                        InsightRows.Spread::q3Days,
                        InsightRows.Spread::suppressed)
                .containsExactly(tuple(fx.team, 6L, 125.0, 250.0, 375.0, null));
    }

    @Test
    void aTeamBelowTheMinimumGroupSizeShowsNoNumbers() {
        // Three of the six move to another team of the fixture: both teams have three people, fewer than five.
        long other = fx.base + 2;
        new InsightSeed(jdbc).team(other, "Insights fixture small " + fx.base).flush();
        jdbc.update("update person set team_id = ? where id in (?, ?, ?)", other, fx.a, fx.b, fx.c);
        var rows = admin(() -> insights.timeInLevelByTeam(new InsightFilter(null, null, null, null)));
        var mine = rows.stream()
                .filter(r -> r.teamId() == fx.team || r.teamId() == other)
                .toList();
        assertThat(mine).hasSize(2).allSatisfy(r -> {
            assertThat(r.isSuppressed()).isTrue();
            assertThat(r.medianDays()).isNull();
            assertThat(r.suppressed()).isEqualTo("fewer than 5");
        });
    }

    @Test
    void promotionVelocityIsTheMedianTimeAtTheLevelPromotedFrom() {
        var rows = admin(() -> insights.promotionVelocity(team));
        assertThat(rows)
                .extracting(
                        InsightRows.Velocity::levelKey,
                        InsightRows.Velocity::promotions,
                        InsightRows.Velocity::medianDays)
                .containsExactly(tuple("DSE-1", 2L, 400.0), tuple("DSE-2", 1L, 400.0));
    }

    @Test
    void promotionRateCountsOutcomesPerCycleAndLeavesWithdrawnCasesOut() {
        var rows = admin(() -> insights.promotionRate(team));
        assertThat(rows)
                .extracting(
                        InsightRows.CycleRate::cycle,
                        InsightRows.CycleRate::promoted,
                        InsightRows.CycleRate::notPromoted,
                        InsightRows.CycleRate::open,
                        InsightRows.CycleRate::engineers)
                .containsExactly(tuple(fx.cycleA, 1L, 2L, 0L, 6L), tuple(fx.cycleB, 0L, 0L, 1L, 6L));
        assertThat(rows.get(0).decidedRate()).isCloseTo(33.3, org.assertj.core.data.Offset.offset(0.1));
        assertThat(rows.get(0).headcountRate()).isCloseTo(16.7, org.assertj.core.data.Offset.offset(0.1));
        var filtered = admin(() -> insights.promotionRate(new InsightFilter(null, null, fx.team, fx.cycleB)));
        assertThat(filtered).extracting(InsightRows.CycleRate::cycle).containsExactly(fx.cycleB);
    }

    @Test
    void evidenceActivityPerMonthCountsNoDraftsAndNothingOutsideTheWindow() {
        var rows = admin(() -> insights.evidencePerMonth(team));
        var thisMonth = fx.t.withDayOfMonth(1);
        assertThat(rows)
                .extracting(
                        InsightRows.MonthActivity::month,
                        InsightRows.MonthActivity::acknowledged,
                        InsightRows.MonthActivity::submitted,
                        InsightRows.MonthActivity::returned,
                        InsightRows.MonthActivity::people)
                .containsExactly(
                        tuple(month(thisMonth.minusMonths(1)), 0L, 0L, 1L, 1L),
                        tuple(month(thisMonth), 1L, 1L, 0L, 1L));
    }

    @Test
    void evidenceActivityPerCompetencyCountsEachTagOfAnItem() {
        var rows = admin(() -> insights.evidencePerCompetency(team));
        assertThat(rows)
                .extracting(
                        InsightRows.CompetencyActivity::competencyKey,
                        InsightRows.CompetencyActivity::items,
                        InsightRows.CompetencyActivity::people)
                .containsExactly(tuple(fx.k1, 2L, 1L), tuple(fx.k2, 2L, 2L));
        assertThat(rows.get(0).name()).isNotBlank().isNotEqualTo(fx.k1);
    }

    @Test
    void coverageCountsAcknowledgedEvidenceAtTheNextLevelOrAbove() {
        var rows = admin(() -> insights.coverage(team));
        var k1 = rows.stream()
                .filter(r -> r.competencyKey().equals(fx.k1))
                .findFirst()
                .orElseThrow();
        var k2 = rows.stream()
                .filter(r -> r.competencyKey().equals(fx.k2))
                .findFirst()
                .orElseThrow();
        // All six have a next level expecting both; only A's acknowledged k1 item is at (or above) her next level.
        assertThat(k1.people()).isEqualTo(6);
        assertThat(k1.covered()).isEqualTo(1);
        assertThat(k1.percent()).isEqualTo(16.7);
        assertThat(k2.covered()).isZero();
        var gaps = admin(() -> people.page(team, Selection.gap(fx.team, fx.k1), 0, 50));
        assertThat(gaps).extracting(InsightRows.PersonRow::id).containsExactlyInAnyOrder(fx.b, fx.c, fx.d, fx.e, fx.f);
    }

    @Test
    void theClickThroughListsThePeopleBehindEachKindOfItem() {
        assertThat(ids(Selection.level(fx.ladder, "DSE-1"))).containsExactlyInAnyOrder(fx.a, fx.b, fx.c);
        assertThat(ids(Selection.team(fx.team))).hasSize(6);
        assertThat(ids(Selection.promotedFrom(fx.ladder, "DSE-1"))).containsExactlyInAnyOrder(fx.d, fx.e);
        assertThat(ids(Selection.cycle(fx.cycleA, "Not promoted"))).containsExactlyInAnyOrder(fx.a, fx.b);
        assertThat(ids(Selection.month(month(fx.t.withDayOfMonth(1))))).containsExactly(fx.a);
        assertThat(ids(Selection.competency(fx.k2))).containsExactlyInAnyOrder(fx.a, fx.b);
        assertThat(admin(() -> people.count(team, Selection.level(fx.ladder, "DSE-1"))))
                .isEqualTo(3);
        var page = admin(() -> people.page(team, Selection.team(fx.team), 2, 2));
        assertThat(page).extracting(InsightRows.PersonRow::id).containsExactly(fx.c, fx.d);
        assertThat(page.get(0).daysInLevel()).isEqualTo(200);
    }

    @Test
    void everyChartIsOneStatement() {
        var counter = new StatementCounter(emf);
        List<Runnable> charts = List.of(
                () -> insights.timeInLevelByLevel(team),
                () -> insights.timeInLevelByTeam(team),
                () -> insights.promotionVelocity(team),
                () -> insights.promotionRate(team),
                () -> insights.evidencePerMonth(team),
                () -> insights.evidencePerCompetency(team),
                () -> insights.coverage(team),
                () -> people.page(team, Selection.team(fx.team), 0, 50));
        for (var chart : charts) {
            long statements = admin(() -> counter.count(chart));
            assertThat(statements).isEqualTo(1);
        }
    }

    private List<Long> ids(Selection selection) {
        return admin(() -> people.page(team, selection, 0, 100)).stream()
                .map(InsightRows.PersonRow::id)
                .toList();
    }

    private static String month(LocalDate day) {
        return String.format("%d-%02d", day.getYear(), day.getMonthValue());
    }
}
