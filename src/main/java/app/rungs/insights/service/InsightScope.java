package app.rungs.insights.service;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The common head of every insight query: who is in scope, as a CTE named {@code scoped} (person id, team, track,
 * current ladder, level and since when), and the published levels of every ladder as {@code levels}.
 *
 * <p>Admins see the organization; a manager sees their reporting line, read from the closure table
 * {@code reporting_line} by their own person id (never a list of ids from Java; docs/decisions/0030). The filters (ladder, track, team) are bound parameters; the SQL text
 * only varies by which of the fixed fragments are present.
 */
final class InsightScope {

    final StringBuilder sql = new StringBuilder(2048);
    final Map<String, Object> params = new HashMap<>();
    final LocalDate asOf;

    private InsightScope(LocalDate asOf) {
        this.asOf = asOf;
    }

    /**
     * @param lineOf null for the whole organization, else the manager whose reporting line is the scope
     * @param asOf the day levels are read on (today, or the end of the filtered cycle)
     */
    static InsightScope of(Long lineOf, InsightFilter filter, LocalDate asOf) {
        var s = new InsightScope(asOf);
        s.params.put("asOf", asOf);
        s.sql.append("""
                with scoped as (
                    select p.id, p.team_id, p.track_key, cur.ladder_id, cur.level_key, cur.level_since
                """);
        if (lineOf != null) {
            // The closure table (V34): an index range scan on (ancestor_id, person_id), no walk of the tree.
            s.sql.append(
                    "    from reporting_line rl join person p on p.id = rl.person_id and rl.ancestor_id = :lineOf\n");
            s.params.put("lineOf", lineOf);
        } else {
            s.sql.append("    from person p\n");
        }
        s.sql.append("    cross join lateral person_level_on(p.id, cast(:asOf as date)) cur\n    where p.active\n");
        if (filter.ladderId() != null) {
            s.sql.append("    and cur.ladder_id = :ladderId\n");
            s.params.put("ladderId", filter.ladderId());
        }
        if (filter.trackKey() != null) {
            s.sql.append("    and p.track_key = :trackKey\n");
            s.params.put("trackKey", filter.trackKey());
        }
        if (filter.teamId() != null) {
            s.sql.append("    and p.team_id = :teamId\n");
            s.params.put("teamId", filter.teamId());
        }
        s.sql.append("""
                ),
                levels as (
                    select v.ladder_id, v.id as version_id, l.id as level_id, l.level_key, l.position, l.track_key
                    from ladder_version v join ladder_level l on l.ladder_version_id = v.id
                    where v.status = 'PUBLISHED'
                )
                """);
        return s;
    }

    /** Appends more SQL (further CTEs start with a comma, the final select without). */
    InsightScope append(String text) {
        sql.append(text);
        return this;
    }

    InsightScope param(String name, Object value) {
        params.put(name, value);
        return this;
    }

    /** The minimum group size of the organization, as a scalar subquery for team breakdowns. */
    static final String MINIMUM = "(select minimum_group_size from outcome_audit_settings where id = 1)";
}
