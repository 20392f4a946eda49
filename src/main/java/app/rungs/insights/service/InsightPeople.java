package app.rungs.insights.service;

import app.rungs.insights.service.InsightRows.PersonRow;
import app.rungs.shared.service.ValidationException;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people behind a bar, box or cell of an insight: counted and paged in SQL over the same scope as the chart
 * (admins: the organization; managers: their reporting line), so the list never shows anyone the viewer may not see.
 */
@Service
public class InsightPeople {

    private final EntityManager em;
    private final Clock clock;

    InsightPeople(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** How many people the selection stands for. */
    @Transactional(readOnly = true)
    @PreAuthorize(InsightQueries.WHO)
    public long count(InsightFilter filter, Selection selection) {
        var q = matching(filter, selection);
        q.append("select count(*) from chosen");
        return ((Number) query(q).getSingleResult()).longValue();
    }

    /** A page of the people, by name: name, team, level and days in level. */
    @Transactional(readOnly = true)
    @PreAuthorize(InsightQueries.WHO)
    @SuppressWarnings("unchecked")
    public List<PersonRow> page(InsightFilter filter, Selection selection, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > 500) {
            throw new ValidationException("A page has 1 to 500 people from a non-negative offset.");
        }
        var q = matching(filter, selection);
        q.append("""
                select p.id, p.full_name, t.name, c.level_key, cast(:asOf as date) - c.level_since
                from chosen c join person p on p.id = c.id left join team t on t.id = p.team_id
                order by lower(p.full_name), p.id
                offset :offset limit :limit
                """).param("offset", offset).param("limit", limit);
        List<Object[]> rows = query(q).getResultList();
        return rows.stream()
                .map(r -> new PersonRow(
                        InsightQueries.lng(r[0]),
                        InsightQueries.str(r[1]),
                        InsightQueries.str(r[2]),
                        InsightQueries.str(r[3]),
                        InsightQueries.lng(r[4])))
                .toList();
    }

    /** The scope, then a CTE {@code chosen} of the scoped rows the selection stands for. */
    private InsightScope matching(InsightFilter filter, Selection s) {
        var q = InsightScope.of(InsightQueries.lineOf(), filter, InsightQueries.asOf(filter, LocalDate.now(clock)));
        switch (s.kind()) {
            case LEVEL ->
                q.append(", chosen as (select * from scoped where ladder_id = :selLadder and level_key = :selKey)\n")
                        .param("selLadder", s.ladderId())
                        .param("selKey", s.key());
            case TEAM -> teamCte(q, s.teamId(), "scoped");
            case PROMOTED_FROM -> {
                q.append("""
                        , chosen as (select * from scoped s where exists (
                            select 1 from level_assignment a
                            cross join lateral person_level_on(s.id, a.effective_date - 1) prev
                            where a.person_id = s.id and a.reason = 'PROMOTION' and a.cancelled_at is null
                              and a.effective_date <= cast(:asOf as date)
                              and prev.ladder_id = :selLadder and prev.level_key = :selKey
                        """).param("selLadder", s.ladderId()).param("selKey", s.key());
                CycleWindow.of(filter.cycle())
                        .ifPresent(w -> q.append(" and a.effective_date between :from and :to\n")
                                .param("from", w.from())
                                .param("to", w.to()));
                q.append("))\n");
            }
            case CYCLE -> q.append("""
                            , chosen as (select * from scoped s where exists (
                                select 1 from promotion_case c where c.engineer_id = s.id and c.cycle = :selKey
                                  and c.status in (:statuses)))
                            """).param("selKey", s.key()).param("statuses", statuses(s.detail()));
            case MONTH -> {
                q.append("""
                        , chosen as (select * from scoped s where exists (
                            select 1 from evidence_item e where e.owner_id = s.id and e.status <> 'DRAFT'
                              and to_char(e.occurred_on, 'YYYY-MM') = :selKey
                        """).param("selKey", s.key());
                ChartSql.activityWindow(q, filter);
                q.append("))\n");
            }
            case COMPETENCY -> {
                q.append("""
                        , chosen as (select * from scoped s where exists (
                            select 1 from evidence_item e where e.owner_id = s.id and e.status <> 'DRAFT'
                              and :selKey = any(e.competency_keys)
                        """).param("selKey", s.key());
                ChartSql.activityWindow(q, filter);
                q.append("))\n");
            }
            case GAP -> {
                q.append(InsightSql.NEXT_LEVEL_REQUIREMENTS);
                q.append(", gaps as (select s.* from scoped s where exists (select 1 from req r where r.id = s.id"
                                + " and r.competency_key = :selKey and not ")
                        .append(InsightSql.COVERED)
                        .append("))\n")
                        .param("selKey", s.key());
                teamCte(q, s.teamId(), "gaps");
            }
        }
        return q;
    }

    private static void teamCte(InsightScope q, Long teamId, String from) {
        if (teamId == null || teamId == Selection.NO_TEAM) {
            q.append(", chosen as (select * from " + from + " where team_id is null)\n");
        } else {
            q.append(", chosen as (select * from " + from + " where team_id = :selTeam)\n")
                    .param("selTeam", teamId);
        }
    }

    private static List<String> statuses(String outcome) {
        if (outcome == null) {
            return List.of("APPROVED", "NOT_YET", "DECLINED", "PROPOSED", "DRAFT", "SUBMITTED", "IN_CALIBRATION");
        }
        return switch (outcome) {
            case InsightLabels.PROMOTED -> List.of("APPROVED");
            case InsightLabels.NOT_PROMOTED -> List.of("NOT_YET", "DECLINED");
            case InsightLabels.OPEN -> List.of("PROPOSED", "DRAFT", "SUBMITTED", "IN_CALIBRATION");
            default -> throw new IllegalArgumentException("Unknown promotion outcome: " + outcome);
        };
    }

    private jakarta.persistence.Query query(InsightScope q) {
        var query = em.createNativeQuery(q.sql.toString());
        q.params.forEach(query::setParameter);
        return query;
    }
}
