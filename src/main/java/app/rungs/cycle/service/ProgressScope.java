package app.rungs.cycle.service;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Whom a {@link CycleProgressSource} counts, as SQL, so the people never travel from Java: the whole organization or
 * one reporting line (one count), the direct reports of a page of managers (a count per manager), or a handful of
 * named people (the drill-down of one team). Each kind is a subquery of {@code (person_id, group_key)} rows over
 * people's {@code person} table and {@code reporting_line_members} function (V34), the same public SQL surface other
 * features scope by; a source joins it to its own tables and groups by {@code group_key}.
 */
public final class ProgressScope {

    /** The key of the single group of {@link #organization()} and {@link #lineOf(Long)}. */
    public static final long ALL = 0L;

    private enum Kind {
        ORGANIZATION,
        LINE,
        MANAGERS,
        PEOPLE
    }

    private final Kind kind;
    private final Long root;
    private final Long[] ids;

    private ProgressScope(Kind kind, Long root, Long[] ids) {
        this.kind = kind;
        this.root = root;
        this.ids = ids;
    }

    /** Every active person who has a manager; one group, {@link #ALL}. */
    public static ProgressScope organization() {
        return new ProgressScope(Kind.ORGANIZATION, null, null);
    }

    /** The active people below a manager, direct and indirect; one group, {@link #ALL}. */
    public static ProgressScope lineOf(Long managerId) {
        return new ProgressScope(Kind.LINE, managerId, null);
    }

    /** The active direct reports of these managers (a page of them); grouped by manager id. */
    public static ProgressScope directReportsOf(Collection<Long> managerIds) {
        return new ProgressScope(Kind.MANAGERS, null, managerIds.toArray(Long[]::new));
    }

    /** These people (a team being drilled into); grouped by person id, so the keys are who completed. */
    public static ProgressScope people(Collection<Long> personIds) {
        return new ProgressScope(Kind.PEOPLE, null, personIds.toArray(Long[]::new));
    }

    /** True when nobody can be in the scope, so a source answers without a statement. */
    public boolean isEmpty() {
        return ids != null && ids.length == 0;
    }

    /** A subquery of {@code (person_id, group_key)}; bind its parameters with {@link #bind}. */
    public String rows() {
        return switch (kind) {
            case ORGANIZATION ->
                "select sp.id as person_id, 0::bigint as group_key from person sp"
                        + " where sp.active and sp.manager_id is not null";
            case LINE ->
                "select sp.id as person_id, 0::bigint as group_key from reporting_line_members(:scopeRoot) sm"
                        + " join person sp on sp.id = sm.person_id where sp.active";
            case MANAGERS ->
                "select sp.id as person_id, sp.manager_id as group_key from person sp"
                        + " where sp.active and sp.manager_id = any(:scopeIds)";
            case PEOPLE -> "select sp.id as person_id, sp.id as group_key from person sp where sp.id = any(:scopeIds)";
        };
    }

    /** Binds the parameters {@link #rows()} refers to. */
    public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
        return switch (kind) {
            case ORGANIZATION -> statement;
            case LINE -> statement.param("scopeRoot", root);
            case MANAGERS, PEOPLE -> statement.param("scopeIds", ids);
        };
    }

    /**
     * The usual source statement: per group, how many of the scope's people are among {@code completedIds} (a subquery
     * of person ids over the source's own tables, whose parameters {@code params} binds).
     */
    public Map<Long, Long> countAmong(
            JdbcClient jdbc, String completedIds, UnaryOperator<JdbcClient.StatementSpec> params) {
        if (isEmpty()) {
            return Map.of();
        }
        var statement = bind(jdbc.sql("select s.group_key, count(*) from (" + rows() + ") s where s.person_id in ("
                + completedIds + ") group by s.group_key"));
        var counts = new HashMap<Long, Long>();
        params.apply(statement).query(rs -> {
            counts.put(rs.getLong(1), rs.getLong(2));
        });
        return counts;
    }

    @Override
    public String toString() {
        return kind + (root != null ? " of " + root : "") + (ids != null ? " (" + ids.length + " ids)" : "");
    }
}
