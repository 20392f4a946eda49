package app.rungs.deployment;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;

/** Row counts and digests of a Rungs database, to compare two databases (or one before and after). */
final class Tables {

    private Tables() {}

    /** Rows of every table in the public schema. */
    static Map<String, Long> counts(Connection connection) throws SQLException {
        var names = new ArrayList<String>();
        try (var st = connection.createStatement();
                var rs = st.executeQuery("select table_name from information_schema.tables"
                        + " where table_schema = 'public' and table_type = 'BASE TABLE' order by 1")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        var counts = new TreeMap<String, Long>();
        for (var name : names) {
            counts.put(name, single(connection, "select count(*) from \"" + name + "\""));
        }
        return counts;
    }

    static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    static long single(Connection connection, String sql) throws SQLException {
        try (var st = connection.createStatement();
                var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String text(Connection connection, String sql) throws SQLException {
        try (var st = connection.createStatement();
                var rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Every audit event's content, in order, hashed: equal digests mean an identical audit trail. */
    static String auditDigest(Connection connection) throws SQLException {
        return text(
                connection,
                "select count(*) || ':' || coalesce(md5(string_agg(concat_ws('|', id, occurred_at, actor, action,"
                        + " object_type, object_id, summary, before_state::text, after_state::text), E'\\n'"
                        + " order by id)), '-') from audit_event");
    }

    /** Names, emails, titles, teams and managers of people: equal digests mean nobody's record changed. */
    static String peopleDigest(Connection connection) throws SQLException {
        return text(
                connection,
                "select count(*) || ':' || md5(string_agg(concat_ws('|', id, full_name, email, job_title, team_id, manager_id), E'\\n'"
                        + " order by id)) from person");
    }
}
