package app.rungs.people.service;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Writes the people of a checked import set-based, in the caller's transaction: the rows to create or update go into
 * a temporary staging table through COPY, then one statement each inserts the new people, updates the changed ones
 * and adds their level history, whatever the number of rows. The reporting-line closure is rebuilt once for
 * everyone added or moved (V36) instead of by V34's trigger once per row.
 */
final class ImportWriter {

    /** Rows sent to COPY between two progress reports. */
    static final int COPY_CHUNK = 5_000;

    private final JdbcTemplate jdbc;

    ImportWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Ids for new people from the entities' sequence, one value each, so they never meet Hibernate's pooled ids. */
    List<Long> newIds(int count) {
        return count == 0
                ? List.of()
                : jdbc.queryForList("select nextval('people_seq') from generate_series(1, ?)", Long.class, count);
    }

    /**
     * Defers the reporting-line trigger of V34 for this transaction (V36 makes it skip); {@link #apply} rebuilds the
     * closure of everyone it touched before the transaction commits.
     */
    void deferReportingLines() {
        jdbc.queryForObject("select set_config('rungs.reporting_line_deferred', 'on', true)", String.class);
    }

    /** One row to write, resolved to ids. */
    record Staged(
            long id,
            boolean isNew,
            String fullName,
            String email,
            String jobTitle,
            Long teamId,
            Long managerId,
            LocalDate startDate,
            Long ladderId,
            String levelKey,
            String levelReason,
            LocalDate levelDate,
            boolean managerMoved) {}

    /**
     * Creates the staging table, which PostgreSQL drops when the transaction ends (commit or rollback); emptied
     * when a second import runs in the same transaction.
     */
    void createStage() {
        jdbc.execute("""
                create temp table if not exists people_import_stage (
                    id bigint primary key, is_new boolean not null, full_name text not null, email text not null,
                    job_title text, team_id bigint, manager_id bigint, start_date date, ladder_id bigint,
                    level_key text, level_reason text, level_date date, manager_moved boolean not null
                ) on commit drop""");
        jdbc.execute("truncate people_import_stage");
    }

    /** Streams rows into the staging table with COPY, {@value #COPY_CHUNK} at a time. */
    void stage(List<Staged> rows) {
        if (rows.isEmpty()) {
            return;
        }
        DataSource dataSource = jdbc.getDataSource();
        var connection = DataSourceUtils.getConnection(dataSource);
        try {
            var copy = connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy people_import_stage (id, is_new, full_name, email, job_title, team_id, manager_id,"
                            + " start_date, ladder_id, level_key, level_reason, level_date, manager_moved)"
                            + " from stdin (format csv)");
            try {
                var line = new StringBuilder(256);
                for (var r : rows) {
                    line.setLength(0);
                    line.append(r.id()).append(',').append(r.isNew()).append(',');
                    quote(line, r.fullName()).append(',');
                    quote(line, r.email()).append(',');
                    quote(line, r.jobTitle()).append(',');
                    plain(line, r.teamId()).append(',');
                    plain(line, r.managerId()).append(',');
                    plain(line, r.startDate()).append(',');
                    plain(line, r.ladderId()).append(',');
                    quote(line, r.levelKey()).append(',');
                    quote(line, r.levelReason()).append(',');
                    plain(line, r.levelDate()).append(',');
                    line.append(r.managerMoved()).append('\n');
                    var bytes = line.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                }
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not stage the import: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** The state of some people before the import changes them, as the audit log records a person. */
    Map<Long, Map<String, Object>> snapshots(List<Long> ids) {
        var result = new HashMap<Long, Map<String, Object>>();
        jdbc.query(
                """
                select p.id, p.full_name, p.email, p.job_title, p.team_id, p.manager_id, c.ladder_id, c.level_key,
                       c.level_since, p.specialization, p.track_key, p.active
                from person p left join lateral person_level_on(p.id, current_date) c on true
                where p.id = any(?)""",
                rs -> {
                    var map = new LinkedHashMap<String, Object>();
                    map.put("fullName", rs.getString(2));
                    map.put("email", rs.getString(3));
                    map.put("jobTitle", rs.getString(4));
                    map.put("teamId", rs.getObject(5, Long.class));
                    map.put("managerId", rs.getObject(6, Long.class));
                    map.put("ladderId", rs.getObject(7, Long.class));
                    map.put("levelKey", rs.getString(8));
                    var since = rs.getObject(9, LocalDate.class);
                    map.put("levelSince", since == null ? null : since.toString());
                    map.put("specialization", rs.getString(10));
                    map.put("trackKey", rs.getString(11));
                    map.put("active", rs.getBoolean(12));
                    result.put(rs.getLong(1), map);
                },
                longArray(ids));
        return result;
    }

    /** What {@link #apply} wrote. */
    record Applied(int inserted, int updated, int levels, int closureRoots) {}

    /**
     * Inserts the new people (in one statement, so a report may precede their new manager: foreign keys are checked
     * at its end), updates the changed ones, adds the level history rows and rebuilds the reporting lines of
     * everyone added or moved and everyone below them.
     */
    Applied apply(String actor, String note) {
        int inserted = jdbc.update("""
                insert into person (id, full_name, email, job_title, team_id, manager_id, start_date, active, version)
                select id, full_name, email, job_title, team_id, manager_id, start_date, true, 0
                from people_import_stage where is_new""");
        int updated = jdbc.update("""
                update person p set full_name = s.full_name, job_title = s.job_title, team_id = s.team_id,
                    manager_id = s.manager_id, start_date = coalesce(s.start_date, p.start_date),
                    version = p.version + 1
                from people_import_stage s where not s.is_new and p.id = s.id""");
        int levels = jdbc.update("""
                insert into level_assignment (id, person_id, ladder_id, level_key, effective_date, reason, decided_by,
                    note, recorded_at, version)
                select nextval('people_seq'), id, ladder_id, level_key, level_date, level_reason, ?, ?, now(), 0
                from people_import_stage where ladder_id is not null""", actor, note);
        var roots = jdbc.queryForList(
                "select id from people_import_stage where is_new or manager_moved order by id", Long.class);
        if (!roots.isEmpty()) {
            jdbc.queryForList("select reporting_line_rebuild_many(?)", longArray(roots));
        }
        // Later writes of the same transaction keep their lines up to date row by row again.
        jdbc.queryForObject("select set_config('rungs.reporting_line_deferred', 'off', true)", String.class);
        return new Applied(inserted, updated, levels, roots.size());
    }

    private Array longArray(List<Long> ids) {
        return jdbc.execute((java.sql.Connection c) -> c.createArrayOf("bigint", ids.toArray()));
    }

    private static StringBuilder quote(StringBuilder out, String value) {
        if (value == null) {
            return out;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        return out.append('"');
    }

    private static StringBuilder plain(StringBuilder out, Object value) {
        return value == null ? out : out.append(value);
    }

    static String lower(String email) {
        return email.toLowerCase(Locale.ROOT);
    }

    static <T> List<List<T>> chunks(List<T> list, int size) {
        var result = new ArrayList<List<T>>();
        for (int from = 0; from < list.size(); from += size) {
            result.add(list.subList(from, Math.min(list.size(), from + size)));
        }
        return result;
    }
}
