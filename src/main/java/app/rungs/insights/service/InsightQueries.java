package app.rungs.insights.service;

import app.rungs.insights.service.InsightRows.CompetencyActivity;
import app.rungs.insights.service.InsightRows.CoverageCell;
import app.rungs.insights.service.InsightRows.CycleRate;
import app.rungs.insights.service.InsightRows.MonthActivity;
import app.rungs.insights.service.InsightRows.Spread;
import app.rungs.insights.service.InsightRows.Velocity;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.service.SmallGroups;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The numbers behind the insights dashboard, each chart ONE aggregate statement in PostgreSQL (docs/decisions/0023):
 * time in level per level and per team (box plot numbers), promotion velocity per level, promotion outcomes per
 * cycle, evidence activity per month and per competency, and coverage of the next level's competencies per team.
 *
 * <p>Who may ask: admins (the organization) and managers (their reporting line, walked in SQL). Team breakdowns apply
 * the organization's small-group rule ({@link SmallGroups}): a team below the minimum shows no numbers.
 */
@Service
public class InsightQueries {

    static final String WHO = "hasAnyRole('ADMIN','MANAGER')";

    private final EntityManager em;
    private final Clock clock;

    InsightQueries(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Days in the current level per level: people and box plot numbers, lowest level first. */
    @Transactional(readOnly = true)
    @PreAuthorize(WHO)
    public List<Spread> timeInLevelByLevel(InsightFilter filter) {
        var result = new ArrayList<Spread>();
        for (var r : rows(ChartSql.timeInLevelByLevel(scope(filter)))) {
            result.add(new Spread(
                    str(r[1]), lng(r[0]), str(r[1]), null, lng(r[2]), dbl(r[3]), dbl(r[4]), dbl(r[5]), dbl(r[6]),
                    dbl(r[7]), null));
        }
        return result;
    }

    /** Days in the current level per team, teams below the minimum group size suppressed; by team name. */
    @Transactional(readOnly = true)
    @PreAuthorize(WHO)
    public List<Spread> timeInLevelByTeam(InsightFilter filter) {
        var raw = rows(ChartSql.timeInLevelByTeam(scope(filter)));
        if (raw.isEmpty()) {
            return List.of();
        }
        var suppression = SmallGroups.suppress(raw.stream().map(r -> lng(r[2])).toList(), intv(raw.get(0)[8]));
        var result = new ArrayList<Spread>();
        for (int i = 0; i < raw.size(); i++) {
            var r = raw.get(i);
            Long team = r[0] == null ? Selection.NO_TEAM : lng(r[0]);
            if (suppression.suppressed(i)) {
                result.add(new Spread(
                        str(r[1]), null, null, team, -1, null, null, null, null, null, suppression.label(i)));
            } else {
                result.add(new Spread(
                        str(r[1]), null, null, team, lng(r[2]), dbl(r[3]), dbl(r[4]), dbl(r[5]), dbl(r[6]), dbl(r[7]),
                        null));
            }
        }
        return result;
    }

    /**
     * Promotion velocity: per level promoted from, how many promotions (live, effective by the as-of day, within the
     * filtered half-year if any) of the people in scope, and the median days they had spent at that level.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(WHO)
    public List<Velocity> promotionVelocity(InsightFilter filter) {
        return rows(ChartSql.promotionVelocity(scope(filter), filter)).stream()
                .map(r -> new Velocity(lng(r[0]), str(r[1]), lng(r[2]), dbl(r[3])))
                .toList();
    }

    /** Promotion cases of the people in scope per cycle (or the filtered cycle), by outcome; withdrawn left out. */
    @Transactional(readOnly = true)
    @PreAuthorize(WHO)
    public List<CycleRate> promotionRate(InsightFilter filter) {
        return rows(ChartSql.promotionRate(scope(filter), filter)).stream()
                .map(r -> new CycleRate(str(r[0]), lng(r[1]), lng(r[2]), lng(r[3]), lng(r[4])))
                .toList();
    }

    /**
     * Evidence that occurred per month (drafts are private and not counted), by status: the filtered half-year, or
     * the last twelve months up to the as-of day.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(WHO)
    public List<MonthActivity> evidencePerMonth(InsightFilter filter) {
        return rows(ChartSql.evidencePerMonth(scope(filter), filter)).stream()
                .map(r -> new MonthActivity(str(r[0]), lng(r[1]), lng(r[2]), lng(r[3]), lng(r[4])))
                .toList();
    }

    /** Evidence (not drafts) per competency in the same window as per month: the most used first. */
    @Transactional(readOnly = true)
    @PreAuthorize(WHO)
    public List<CompetencyActivity> evidencePerCompetency(InsightFilter filter) {
        return rows(ChartSql.evidencePerCompetency(scope(filter), filter)).stream()
                .map(r -> new CompetencyActivity(str(r[0]), str(r[1]), lng(r[2]), lng(r[3])))
                .toList();
    }

    /**
     * Coverage of the next level per team and competency: for the people in scope whose next level (on their track)
     * states an expectation for a competency, how many have acknowledged evidence for it at that level or above
     * (evidence occurred by the as-of day). Teams below the minimum group size are suppressed.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(WHO)
    public List<CoverageCell> coverage(InsightFilter filter) {
        var raw = rows(ChartSql.coverage(scope(filter)));
        if (raw.isEmpty()) {
            return List.of();
        }
        // The rule applies to teams (rows), by the number of people measured in each.
        var teams = new ArrayList<Long>();
        var sizes = new ArrayList<Long>();
        for (var r : raw) {
            Long team = r[0] == null ? Selection.NO_TEAM : lng(r[0]);
            if (!teams.contains(team)) {
                teams.add(team);
                sizes.add(lng(r[6]));
            }
        }
        var suppression = SmallGroups.suppress(sizes, intv(raw.get(0)[7]));
        var result = new ArrayList<CoverageCell>();
        for (var r : raw) {
            Long team = r[0] == null ? Selection.NO_TEAM : lng(r[0]);
            int i = teams.indexOf(team);
            boolean hidden = suppression.suppressed(i);
            result.add(new CoverageCell(
                    team,
                    str(r[1]),
                    str(r[2]),
                    str(r[3]),
                    hidden ? -1 : lng(r[4]),
                    hidden ? null : lng(r[5]),
                    hidden ? suppression.label(i) : null));
        }
        return result;
    }

    // ---------------------------------------------------------------- helpers

    InsightScope scope(InsightFilter filter) {
        return InsightScope.of(lineOf(), filter, asOf(filter, LocalDate.now(clock)));
    }

    /** The day levels are read on: today, or the last day of the filtered half-year if that is earlier. */
    static LocalDate asOf(InsightFilter filter, LocalDate today) {
        return CycleWindow.of(filter.cycle())
                .map(w -> w.to().isBefore(today) ? w.to() : today)
                .orElse(today);
    }

    /** Null for admins (the organization); else the signed-in manager's person id (-1 without one: nobody). */
    static Long lineOf() {
        var me = CurrentUser.require();
        if (me.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()))) {
            return null;
        }
        return me.personId() == null ? -1L : me.personId();
    }

    @SuppressWarnings("unchecked")
    List<Object[]> rows(InsightScope q) {
        var query = em.createNativeQuery(q.sql.toString());
        q.params.forEach(query::setParameter);
        return query.getResultList();
    }

    static String str(Object o) {
        return o == null ? null : o.toString();
    }

    static Long lng(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }

    static int intv(Object o) {
        return o == null ? SmallGroups.DEFAULT_MINIMUM : ((Number) o).intValue();
    }

    static Double dbl(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }
}
