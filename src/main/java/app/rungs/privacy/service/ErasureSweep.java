package app.rungs.privacy.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The last step of an erasure: replaces every remaining mention of the person (name, email, username) in every text
 * and JSON column of every table with the pseudonym. The audit log is left to the audit service (it may only be
 * redacted through its narrow, audited path) and the migration history is not application data.
 */
@Component
class ErasureSweep {

    /** Names shorter than this are too likely to occur inside other words to be replaced everywhere. */
    static final int MIN_NAME_LENGTH = 5;

    private static final Set<String> SKIPPED = Set.of("audit_event", "audit_chain_check", "flyway_schema_history");

    private final JdbcTemplate jdbc;

    ErasureSweep(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A case-insensitive PostgreSQL regular expression matching any of the usernames and (long enough) names. */
    static String pattern(Collection<String> usernames, Collection<String> names) {
        var terms = new ArrayList<String>(usernames);
        names.stream()
                .filter(n -> n != null && n.strip().length() >= MIN_NAME_LENGTH)
                .forEach(terms::add);
        return terms.stream()
                .filter(t -> t != null && !t.isBlank())
                .map(ErasureSweep::literal)
                .distinct()
                .collect(Collectors.joining("|", "(", ")"));
    }

    /** Escapes every character that is not a letter or digit, so the term matches literally. */
    static String literal(String term) {
        var out = new StringBuilder();
        term.strip().codePoints().forEach(c -> {
            if (!Character.isLetterOrDigit(c)) {
                out.append('\\');
            }
            out.appendCodePoint(c);
        });
        return out.toString();
    }

    /** @return how many rows were changed */
    int replaceEverywhere(String pattern, String pseudonym) {
        var columnsByTable = new LinkedHashMap<String, List<Column>>();
        jdbc.query("""
                select c.table_name, c.column_name, c.data_type, c.character_maximum_length
                  from information_schema.columns c
                  join information_schema.tables t
                    on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
                 where c.table_schema = current_schema()
                   and c.data_type in ('text', 'character varying', 'jsonb', 'json')
                 order by c.table_name, c.ordinal_position""", rs -> {
            var table = rs.getString(1);
            if (!SKIPPED.contains(table)) {
                columnsByTable
                        .computeIfAbsent(table, t -> new ArrayList<>())
                        .add(new Column(rs.getString(2), rs.getString(3), (Integer) rs.getObject(4)));
            }
        });
        var versioned = Set.copyOf(jdbc.queryForList(
                "select table_name from information_schema.columns"
                        + " where table_schema = current_schema() and column_name = 'version'",
                String.class));
        int changed = 0;
        for (var entry : columnsByTable.entrySet()) {
            changed +=
                    replaceIn(entry.getKey(), entry.getValue(), versioned.contains(entry.getKey()), pattern, pseudonym);
        }
        return changed;
    }

    private int replaceIn(String table, List<Column> columns, boolean versioned, String pattern, String pseudonym) {
        var sets = new ArrayList<String>();
        var wheres = new ArrayList<String>();
        var setArgs = new ArrayList<Object>();
        var whereArgs = new ArrayList<Object>();
        for (var c : columns) {
            var name = quote(c.name());
            var json = c.type().startsWith("json");
            var text = json ? name + "::text" : name;
            var replaced = "regexp_replace(" + text + ", ?, ?, 'gi')";
            // A pseudonym longer than the name must not overflow a bounded column.
            replaced = json
                    ? replaced + "::" + c.type()
                    : c.maxLength() == null ? replaced : "left(" + replaced + ", " + c.maxLength() + ")";
            sets.add(name + " = case when " + text + " ~* ? then " + replaced + " else " + name + " end");
            setArgs.add(pattern);
            setArgs.add(pattern);
            setArgs.add(pseudonym);
            wheres.add(text + " ~* ?");
            whereArgs.add(pattern);
        }
        if (versioned) {
            sets.add("version = version + 1");
        }
        var args = new ArrayList<>(setArgs);
        args.addAll(whereArgs);
        return jdbc.update(
                "update " + quote(table) + " set " + String.join(", ", sets) + " where " + String.join(" or ", wheres),
                args.toArray());
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private record Column(String name, String type, Integer maxLength) {}
}
