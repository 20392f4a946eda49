package app.rungs.insights.service;

/**
 * The SQL of each chart: one statement each, appended to the scope's CTEs. Kept apart from the execution so the
 * benchmark can EXPLAIN exactly the statements the dashboard runs.
 */
final class ChartSql {

    /** Months of evidence activity shown without a cycle filter. */
    static final int ACTIVITY_MONTHS = 12;
    /** Competencies shown in the evidence-per-competency chart (the most used first). */
    static final int TOP_COMPETENCIES = 20;

    private ChartSql() {}

    static InsightScope timeInLevelByLevel(InsightScope q) {
        return q.append("""
                select s.ladder_id, s.level_key, count(*),
                       min(s.days), percentile_cont(0.25) within group (order by s.days),
                       percentile_cont(0.5) within group (order by s.days),
                       percentile_cont(0.75) within group (order by s.days), max(s.days)
                from (select sc.ladder_id, sc.level_key, cast(:asOf as date) - sc.level_since as days
                      from scoped sc) s
                left join levels lv on lv.ladder_id = s.ladder_id and lv.level_key = s.level_key
                group by s.ladder_id, s.level_key
                order by s.ladder_id, min(lv.position) nulls last, s.level_key
                """);
    }

    static InsightScope timeInLevelByTeam(InsightScope q) {
        return q.append("""
                        select s.team_id, coalesce(t.name, 'No team'), count(*),
                               min(s.days), percentile_cont(0.25) within group (order by s.days),
                               percentile_cont(0.5) within group (order by s.days),
                               percentile_cont(0.75) within group (order by s.days), max(s.days),
                        """).append(InsightScope.MINIMUM).append("""

                        from (select sc.team_id, cast(:asOf as date) - sc.level_since as days from scoped sc) s
                        left join team t on t.id = s.team_id
                        group by s.team_id, t.name
                        order by t.name nulls last
                        """);
    }

    static InsightScope promotionVelocity(InsightScope q, InsightFilter filter) {
        q.append("""
                select prev.ladder_id, prev.level_key, count(*),
                       percentile_cont(0.5) within group (order by a.effective_date - prev.level_since)
                from scoped s
                join level_assignment a on a.person_id = s.id and a.reason = 'PROMOTION' and a.cancelled_at is null
                     and a.effective_date <= cast(:asOf as date)
                """);
        CycleWindow.of(filter.cycle())
                .ifPresent(w -> q.append(" and a.effective_date between :from and :to\n")
                        .param("from", w.from())
                        .param("to", w.to()));
        return q.append("""
                cross join lateral person_level_on(s.id, a.effective_date - 1) prev
                left join levels lv on lv.ladder_id = prev.ladder_id and lv.level_key = prev.level_key
                group by prev.ladder_id, prev.level_key
                order by prev.ladder_id, min(lv.position) nulls last, prev.level_key
                """);
    }

    static InsightScope promotionRate(InsightScope q, InsightFilter filter) {
        q.append("""
                select c.cycle,
                       count(*) filter (where c.status = 'APPROVED'),
                       count(*) filter (where c.status in ('NOT_YET', 'DECLINED')),
                       count(*) filter (where c.status in ('PROPOSED', 'DRAFT', 'SUBMITTED', 'IN_CALIBRATION')),
                       (select count(*) from scoped)
                from scoped s join promotion_case c on c.engineer_id = s.id
                where c.status <> 'WITHDRAWN'
                """);
        if (filter.cycle() != null) {
            q.append(" and c.cycle = :cycle\n").param("cycle", filter.cycle());
        }
        return q.append("group by c.cycle order by c.cycle\n");
    }

    static InsightScope evidencePerMonth(InsightScope q, InsightFilter filter) {
        q.append("""
                select to_char(e.occurred_on, 'YYYY-MM') as month,
                       count(*) filter (where e.status = 'ACKNOWLEDGED'),
                       count(*) filter (where e.status = 'SUBMITTED'),
                       count(*) filter (where e.status = 'RETURNED'),
                       count(distinct e.owner_id)
                from scoped s join evidence_item e on e.owner_id = s.id
                where e.status <> 'DRAFT'
                """);
        activityWindow(q, filter);
        return q.append("group by 1 order by 1\n");
    }

    static InsightScope evidencePerCompetency(InsightScope q, InsightFilter filter) {
        q.append("""
                , tagged as (
                    select e.owner_id, min(e.ladder_id) as ladder_id, k.key, count(*) as items
                    from scoped s join evidence_item e on e.owner_id = s.id
                    cross join lateral unnest(e.competency_keys) as k(key)
                    where e.status <> 'DRAFT'
                """);
        activityWindow(q, filter);
        // Pre-aggregated per person and competency, so the per-competency step needs no count(distinct) sort.
        return q.append("""
                        group by e.owner_id, k.key)
                        select g.key, coalesce((select c.name from ladder_version v join competency c
                                                  on c.ladder_version_id = v.id and c.competency_key = g.key
                                                where v.ladder_id = g.ladder_id and v.status = 'PUBLISHED'), g.key),
                               g.items, g.people
                        from (select key, min(ladder_id) as ladder_id, sum(items) as items, count(*) as people
                              from tagged group by key) g
                        order by g.items desc, g.key
                        limit
                        """).append(String.valueOf(TOP_COMPETENCIES));
    }

    /**
     * The heatmap, set-based: acknowledged evidence is aggregated ONCE per person and competency (the highest level
     * it was logged at) and joined to the expectations, instead of a correlated lookup per person and competency;
     * the cells are grouped before the team sizes (one row per person with a next level) join them.
     * Same answer as {@link InsightSql#COVERED}: covered when some acknowledged item at the next level or above tags
     * the competency.
     */
    static InsightScope coverage(InsightScope q) {
        return q.append(InsightSql.NEXT_LEVEL_REQUIREMENTS)
                .append("""
                        , acked as (
                            select e.owner_id, k.key as competency_key, max(el.position) as best
                            from evidence_item e
                            join levels el on el.ladder_id = e.ladder_id and el.level_key = e.level_key
                            cross join lateral unnest(e.competency_keys) as k(key)
                            where e.status = 'ACKNOWLEDGED' and e.occurred_on <= cast(:asOf as date)
                              and e.owner_id in (select id from nxt)
                            group by e.owner_id, k.key
                        ),
                        cells as (
                            select r.team_id, r.competency_key, min(r.name) as name, count(*) as people,
                                   count(*) filter (where a.best >= r.position) as covered
                            from req r
                            left join acked a on a.owner_id = r.id and a.competency_key = r.competency_key
                            group by r.team_id, r.competency_key
                        ),
                        sizes as (
                            select x.team_id, count(*) as n from nxt x
                            where exists (select 1 from expectation ex where ex.level_id = x.level_id and ex.kind = 'EXPECTED')
                            group by x.team_id
                        )
                        select c.team_id, coalesce(t.name, 'No team'), c.competency_key, c.name, c.people, c.covered,
                               z.n,
                        """)
                .append(InsightScope.MINIMUM)
                .append("""

                        from cells c
                        join sizes z on coalesce(z.team_id, -1) = coalesce(c.team_id, -1)
                        left join team t on t.id = c.team_id
                        order by t.name nulls last, c.competency_key
                        """);
    }

    /** Evidence that occurred in the filtered half-year, or in the last twelve months up to the as-of day. */
    static void activityWindow(InsightScope q, InsightFilter filter) {
        var w = CycleWindow.of(filter.cycle())
                .orElse(new CycleWindow(q.asOf.withDayOfMonth(1).minusMonths(ACTIVITY_MONTHS - 1), q.asOf));
        q.append(" and e.occurred_on between :from and :to\n")
                .param("from", w.from())
                .param("to", w.to().isAfter(q.asOf) ? q.asOf : w.to());
    }
}
