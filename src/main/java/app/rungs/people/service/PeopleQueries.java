package app.rungs.people.service;

import app.rungs.ladder.domain.SpecializationTrack;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The SQL behind the people grid and the org chart: one projection query per page and one count query, sorted,
 * filtered and paged by PostgreSQL. A manager's scope is their reporting line, read from the closure table {@code reporting_line} (V34).
 *
 * <p>Level order and tier names live in the published ladders (another feature), so the caller passes them in as a
 * {@link LevelCatalog}; the query joins them as an inline VALUES table to sort and filter by level and tier.
 */
@Component
class PeopleQueries {

    @PersistenceContext
    private EntityManager em;

    /** The level as of :today, from the level history (V15): current level, ladder and time in it. */
    private static final String CURRENT_LEVEL = "left join lateral person_level_on(p.id, :today) cur on true\n";

    /** Whose people a query covers: everyone, or the reporting line (direct and indirect) of one manager. */
    record Scope(Long lineOf) {
        static Scope everyone() {
            return new Scope(null);
        }

        static Scope lineOf(Long managerId) {
            return new Scope(managerId);
        }
    }

    List<PersonListItem> page(
            Scope scope,
            PeopleFilter filter,
            List<PeopleSort> sort,
            LevelCatalog catalog,
            LocalDate today,
            int offset,
            int limit) {
        var params = new LinkedHashMap<String, Object>();
        var sql = new StringBuilder();
        sql.append("""
                select p.id, p.full_name, p.email, p.job_title, p.team_id, t.name, p.manager_id, m.full_name,
                       cur.ladder_id, cur.level_key, cur.level_since, p.specialization, p.active, p.version,
                       p.track_key
                from person p
                left join team t on t.id = p.team_id
                left join person m on m.id = p.manager_id
                """);
        sql.append(CURRENT_LEVEL);
        params.put("today", today);
        boolean levelJoin = !catalog.isEmpty();
        if (levelJoin) {
            levelTable(catalog, sql, params);
        }
        where(scope, filter, levelJoin, today, sql, params);
        sql.append(" order by ");
        for (var s : sort) {
            sql.append(orderExpression(s, levelJoin)).append(", ");
        }
        if (sort.stream().noneMatch(s -> s.field() == PeopleSort.Field.NAME)) {
            sql.append("lower(p.full_name), ");
        }
        sql.append("p.id offset :offset limit :limit");
        params.put("offset", Math.max(0, offset));
        params.put("limit", Math.max(0, limit));
        var query = em.createNativeQuery(sql.toString());
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        var result = new ArrayList<PersonListItem>(rows.size());
        for (var r : rows) {
            Long ladderId = toLong(r[8]);
            String levelKey = (String) r[9];
            var level = catalog.find(ladderId, levelKey);
            result.add(new PersonListItem(
                    toLong(r[0]),
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    toLong(r[4]),
                    (String) r[5],
                    toLong(r[6]),
                    (String) r[7],
                    ladderId,
                    levelKey,
                    level.map(LevelCatalog.LevelInfo::title).orElse(levelKey),
                    level.map(LevelCatalog.LevelInfo::tierName).orElse(null),
                    toDate(r[10]),
                    r[11] == null ? null : SpecializationTrack.valueOf((String) r[11]),
                    Boolean.TRUE.equals(r[12]),
                    toLong(r[13]),
                    (String) r[14]));
        }
        return result;
    }

    long count(Scope scope, PeopleFilter filter, LevelCatalog catalog, LocalDate today) {
        var params = new LinkedHashMap<String, Object>();
        var sql = new StringBuilder();
        sql.append("select count(*) from person p\n");
        if (notBlank(filter.team())) {
            sql.append("left join team t on t.id = p.team_id\n");
        }
        if (notBlank(filter.manager())) {
            sql.append("left join person m on m.id = p.manager_id\n");
        }
        if (filter.level() != null || notBlank(filter.tier()) || filter.timeInLevel() != null) {
            sql.append(CURRENT_LEVEL);
            params.put("today", today);
        }
        boolean levelJoin = notBlank(filter.tier()) && !catalog.isEmpty();
        if (levelJoin) {
            levelTable(catalog, sql, params);
        }
        where(scope, filter, levelJoin, today, sql, params);
        var query = em.createNativeQuery(sql.toString());
        params.forEach(query::setParameter);
        return ((Number) query.getSingleResult()).longValue();
    }

    private static void levelTable(LevelCatalog catalog, StringBuilder sql, Map<String, Object> params) {
        sql.append("left join (values ");
        int i = 0;
        for (var level : catalog.levels()) {
            if (i > 0) {
                sql.append(", ");
            }
            // Ids and ranks are numbers from the catalog; strings are bound as parameters.
            sql.append("(cast(")
                    .append(level.ladderId().longValue())
                    .append(" as bigint), cast(:lk")
                    .append(i)
                    .append(" as varchar), ")
                    .append(level.rank())
                    .append(", cast(:tn")
                    .append(i)
                    .append(" as varchar), ")
                    .append(level.tierRank())
                    .append(")");
            params.put("lk" + i, level.key());
            params.put("tn" + i, level.tierName());
            i++;
        }
        sql.append(") as lvl(ladder_id, level_key, level_rank, tier_name, tier_rank)")
                .append(" on lvl.ladder_id = cur.ladder_id and lvl.level_key = cur.level_key\n");
    }

    private static void where(
            Scope scope,
            PeopleFilter f,
            boolean levelJoin,
            LocalDate today,
            StringBuilder sql,
            Map<String, Object> params) {
        var clauses = new ArrayList<String>();
        if (scope.lineOf() != null) {
            clauses.add("p.id in (select person_id from reporting_line where ancestor_id = :lineOf)");
            params.put("lineOf", scope.lineOf());
        }
        var status = f.status() == null ? PeopleFilter.Status.ACTIVE : f.status();
        if (status == PeopleFilter.Status.ACTIVE) {
            clauses.add("p.active");
        } else if (status == PeopleFilter.Status.LEFT) {
            clauses.add("not p.active");
        }
        if (notBlank(f.name())) {
            clauses.add("(lower(p.full_name) like :name escape '\\' or lower(p.email) like :name escape '\\')");
            params.put("name", like(f.name()));
        }
        if (notBlank(f.team())) {
            clauses.add("lower(t.name) like :team escape '\\'");
            params.put("team", like(f.team()));
        }
        if (notBlank(f.manager())) {
            clauses.add("lower(m.full_name) like :manager escape '\\'");
            params.put("manager", like(f.manager()));
        }
        if (f.level() != null) {
            if (f.level().ladderId() == null) {
                clauses.add("cur.level_key is null");
            } else {
                clauses.add("cur.ladder_id = :levelLadder and cur.level_key = :levelKey");
                params.put("levelLadder", f.level().ladderId());
                params.put("levelKey", f.level().key());
            }
        }
        if (notBlank(f.tier())) {
            if (levelJoin) {
                clauses.add("lvl.tier_name = :tier");
                params.put("tier", f.tier());
            } else {
                clauses.add("false");
            }
        }
        if (f.timeInLevel() != null) {
            clauses.add("cur.level_since <= :sinceLatest");
            params.put("sinceLatest", f.timeInLevel().latestSince(today));
            var earliest = f.timeInLevel().earliestSinceExclusive(today);
            if (earliest != null) {
                clauses.add("cur.level_since > :sinceEarliest");
                params.put("sinceEarliest", earliest);
            }
        }
        if (f.generalistsOnly()) {
            clauses.add("p.specialization is null");
        } else if (f.specialization() != null) {
            clauses.add("p.specialization = :specialization");
            params.put("specialization", f.specialization().name());
        }
        if (f.track() != null) {
            if (f.track().isEmpty()) {
                clauses.add("p.track_key is null");
            } else {
                clauses.add("p.track_key = :track");
                params.put("track", f.track());
            }
        }
        if (!clauses.isEmpty()) {
            sql.append("where ").append(String.join("\n  and ", clauses)).append('\n');
        }
    }

    private static String orderExpression(PeopleSort s, boolean levelJoin) {
        var dir = s.ascending() ? " asc" : " desc";
        return switch (s.field()) {
            case NAME -> "lower(p.full_name)" + dir;
            case TEAM -> "lower(t.name)" + dir + " nulls last";
            case MANAGER -> "lower(m.full_name)" + dir + " nulls last";
            case LEVEL -> (levelJoin ? "lvl.level_rank" : "cur.level_key") + dir + " nulls last";
            case TIER -> (levelJoin ? "lvl.tier_rank" : "cur.level_key") + dir + " nulls last";
            // Longest in level first when descending: the earliest date.
            case TIME_IN_LEVEL -> "cur.level_since" + (s.ascending() ? " desc" : " asc") + " nulls last";
            case SPECIALIZATION -> "p.specialization" + dir + " nulls last";
        };
    }

    // ---------------------------------------------------------------- org chart

    List<OrgNode> children(Long parentId, int offset, int limit) {
        var sql = """
                select p.id, p.full_name, p.job_title, t.name, cur.ladder_id, cur.level_key,
                       (select count(*) from person c where c.manager_id = p.id and c.active)
                from person p
                left join team t on t.id = p.team_id
                left join lateral person_level_on(p.id, current_date) cur on true
                where p.active and %s
                order by lower(p.full_name), p.id
                offset :offset limit :limit
                """.formatted(parentId == null ? "p.manager_id is null" : "p.manager_id = :parent");
        var query = em.createNativeQuery(sql);
        if (parentId != null) {
            query.setParameter("parent", parentId);
        }
        query.setParameter("offset", Math.max(0, offset));
        query.setParameter("limit", Math.max(0, limit));
        return nodes(query.getResultList());
    }

    OrgNode node(Long personId) {
        var query = em.createNativeQuery("""
                select p.id, p.full_name, p.job_title, t.name, cur.ladder_id, cur.level_key,
                       (select count(*) from person c where c.manager_id = p.id and c.active)
                from person p
                left join team t on t.id = p.team_id
                left join lateral person_level_on(p.id, current_date) cur on true
                where p.id = :id
                """);
        query.setParameter("id", personId);
        var nodes = nodes(query.getResultList());
        return nodes.isEmpty() ? null : nodes.getFirst();
    }

    /** The person and the managers above them: the person first, the top of the organization last. */
    @SuppressWarnings("unchecked")
    List<Long> selfAndManagers(Long personId) {
        List<Object> ids =
                em.createNativeQuery("""
                        with recursive chain(id, manager_id, depth) as (
                            select id, manager_id, 0 from person where id = :id
                            union all
                            select p.id, p.manager_id, c.depth + 1 from person p join chain c on p.id = c.manager_id
                            where c.depth < 100
                        )
                        select id from chain order by depth
                        """).setParameter("id", personId).getResultList();
        return ids.stream().map(PeopleQueries::toLong).toList();
    }

    /** Active people by id, in no particular order. */
    List<OrgNode> activeNodes(List<Long> ids) {
        var query = em.createNativeQuery("""
                select p.id, p.full_name, p.job_title, t.name, cur.ladder_id, cur.level_key,
                       (select count(*) from person c where c.manager_id = p.id and c.active)
                from person p
                left join team t on t.id = p.team_id
                left join lateral person_level_on(p.id, current_date) cur on true
                where p.active and p.id in (:ids)
                """);
        query.setParameter("ids", ids);
        return nodes(query.getResultList());
    }

    /**
     * For each parent, its first {@code limit} active reports in chart order, plus those of {@code keep} that report
     * to it wherever they fall: one statement for any number of parents.
     */
    @SuppressWarnings("unchecked")
    Map<Long, List<OrgNode>> firstChildren(List<Long> parentIds, int limit, List<Long> keep) {
        var query = em.createNativeQuery("""
                select p.id, p.full_name, p.job_title, t.name, cur.ladder_id, cur.level_key,
                       (select count(*) from person c where c.manager_id = p.id and c.active), p.manager_id
                from (select id, row_number() over (partition by manager_id order by lower(full_name), id) rn
                      from person where active and manager_id in (:parents)) r
                join person p on p.id = r.id
                left join team t on t.id = p.team_id
                left join lateral person_level_on(p.id, current_date) cur on true
                where r.rn <= :limit or p.id in (:keep)
                order by p.manager_id, r.rn
                """);
        query.setParameter("parents", parentIds);
        query.setParameter("limit", Math.max(0, limit));
        query.setParameter("keep", keep);
        List<Object[]> rows = query.getResultList();
        var nodes = nodes(rows);
        var result = new LinkedHashMap<Long, List<OrgNode>>();
        parentIds.forEach(id -> result.put(id, new ArrayList<>()));
        for (int i = 0; i < rows.size(); i++) {
            result.get(toLong(rows.get(i)[7])).add(nodes.get(i));
        }
        return result;
    }

    long childCount(Long parentId) {
        var sql = parentId == null
                ? "select count(*) from person p where p.active and p.manager_id is null"
                : "select count(*) from person p where p.active and p.manager_id = :parent";
        var query = em.createNativeQuery(sql);
        if (parentId != null) {
            query.setParameter("parent", parentId);
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<OrgNode> nodes(List<?> rows) {
        var result = new ArrayList<OrgNode>(rows.size());
        for (var row : (List<Object[]>) rows) {
            result.add(new OrgNode(
                    toLong(row[0]),
                    (String) row[1],
                    (String) row[2],
                    (String) row[3],
                    toLong(row[4]),
                    (String) row[5],
                    ((Number) row[6]).intValue()));
        }
        return result;
    }

    // ---------------------------------------------------------------- import

    /** Everyone, with the fields an import compares, in one query. */
    @SuppressWarnings("unchecked")
    List<KnownPerson> allPeople() {
        List<Object[]> rows = em.createNativeQuery("""
                        select p.id, p.email, p.full_name, p.job_title, p.team_id, p.manager_id, cur.ladder_id,
                               cur.level_key, p.start_date, p.active
                        from person p
                        left join lateral person_level_on(p.id, current_date) cur on true
                        """).getResultList();
        var result = new ArrayList<KnownPerson>(rows.size());
        for (var r : rows) {
            result.add(new KnownPerson(
                    toLong(r[0]),
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    toLong(r[4]),
                    toLong(r[5]),
                    toLong(r[6]),
                    (String) r[7],
                    toDate(r[8]),
                    Boolean.TRUE.equals(r[9])));
        }
        return result;
    }

    // ---------------------------------------------------------------- helpers

    static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    static String like(String s) {
        return "%"
                + s.strip()
                        .toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_") + "%";
    }

    static Long toLong(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }

    static LocalDate toDate(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof LocalDate d) {
            return d;
        }
        return ((Date) o).toLocalDate();
    }
}
