package app.rungs.insights.service;

/** SQL fragments shared by a chart and its click-through, so both count exactly the same people. */
final class InsightSql {

    private InsightSql() {}

    /**
     * CTEs {@code nxt} (each person in scope with the next level on their track: the lowest published level above
     * theirs that is shared or on their track; none at the top or at a fork without a track) and {@code req} (one row
     * per person and competency the next level states an expectation for).
     */
    static final String NEXT_LEVEL_REQUIREMENTS = """
            , nxt as (
                select s.id, s.team_id, n.level_id, n.position, n.ladder_id
                from scoped s
                join levels cur on cur.ladder_id = s.ladder_id and cur.level_key = s.level_key
                cross join lateral (
                    select l.level_id, l.position, l.ladder_id from levels l
                    where l.ladder_id = s.ladder_id and l.position > cur.position
                      and (l.track_key is null or l.track_key = s.track_key)
                    order by l.position limit 1) n
            ),
            req as (
                select x.id, x.team_id, x.ladder_id, x.position, c.competency_key, c.name
                from nxt x
                join expectation ex on ex.level_id = x.level_id and ex.kind = 'EXPECTED'
                join competency c on c.id = ex.competency_id
            )
            """;

    /** True for a {@code req} row {@code r} backed by acknowledged evidence at the next level or above. */
    static final String COVERED = """
            exists (select 1 from evidence_item e
                    join levels el on el.ladder_id = e.ladder_id and el.level_key = e.level_key
                    where e.owner_id = r.id and e.status = 'ACKNOWLEDGED' and e.occurred_on <= cast(:asOf as date)
                      and r.competency_key = any(e.competency_keys) and el.position >= r.position)
            """;
}
