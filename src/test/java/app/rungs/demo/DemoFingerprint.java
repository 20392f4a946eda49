package app.rungs.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Captures what the demo seeding wrote, right after it ran and before any test changes data, so the demo
 * fingerprint test does not depend on test order.
 *
 * <p>Every public table is read in full. Values that differ from run to run whatever the demo data (timestamps,
 * hashes, password hashes, instants inside text) are left out; a row's own id becomes "table#rank" (its rank in the table); references
 * stay raw ids, which a seeding on a fresh database allocates in its order of calls. {@link #stable} additionally masks
 * values that move with the calendar (dates and years computed by month or year arithmetic, cycle labels); the
 * {@link #exact} lines keep them, for comparing two seedings on the same day.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class DemoFingerprint implements ApplicationRunner {

    private static final Pattern INSTANT =
            Pattern.compile("\\b(19|20)\\d\\d-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)?");
    private static final Pattern ISO_DATE = Pattern.compile("\\b(19|20)\\d\\d-\\d\\d-\\d\\d\\b");
    private static final Pattern CYCLE = Pattern.compile("\\b(19|20)\\d\\d-H[12]\\b");
    private static final Pattern YEAR = Pattern.compile("\\b(19|20)\\d\\d\\b");

    private final JdbcTemplate jdbc;
    private Map<String, List<String>> exact;
    private Map<String, List<String>> stable;

    DemoFingerprint(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void run(ApplicationArguments args) {
        var today = LocalDate.now();
        exact = read(today, false);
        stable = read(today, true);
    }

    /** Sorted row lines per table with calendar-dependent values masked. */
    public Map<String, List<String>> stable() {
        return stable;
    }

    /** Sorted row lines per table with every date kept (as days from today). */
    public Map<String, List<String>> exact() {
        return exact;
    }

    /** Row count and SHA-256 of the sorted lines, one line per table. */
    public static List<String> summary(Map<String, List<String>> lines) {
        var out = new ArrayList<String>();
        lines.forEach((table, rows) -> out.add(table + " " + rows.size() + " " + sha256(String.join("\n", rows))));
        return out;
    }

    private record Column(String name, String type) {}

    private Map<String, List<String>> read(LocalDate today, boolean mask) {
        var tables = jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = 'public'"
                        + " and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'"
                        + " order by table_name",
                String.class);
        var ranks = new HashMap<String, Map<Object, Integer>>();
        var result = new TreeMap<String, List<String>>();
        for (var table : tables) {
            var columns = jdbc.query(
                    "select column_name, data_type from information_schema.columns where table_schema = 'public'"
                            + " and table_name = ? order by column_name",
                    (rs, i) -> new Column(rs.getString(1), rs.getString(2)),
                    table);
            var lines = new ArrayList<String>();
            for (var row : jdbc.queryForList("select * from " + table)) {
                var line = new StringBuilder();
                for (var column : columns) {
                    if (volatileColumn(column)) {
                        continue;
                    }
                    var value = row.get(column.name());
                    String rendered;
                    if (value == null) {
                        rendered = "null";
                    } else if (column.name().equals("id")) {
                        rendered = table + "#" + rank(ranks, table, value);
                    } else if (value instanceof byte[] bytes) {
                        rendered = "sha256:" + sha256(bytes);
                    } else if (value instanceof Date date) {
                        rendered = mask && !table.startsWith("evidence")
                                ? "<date>"
                                : "D" + ChronoUnit.DAYS.between(today, date.toLocalDate());
                    } else {
                        rendered = text(value.toString(), today, mask);
                    }
                    line.append(column.name()).append('=').append(rendered).append(" | ");
                }
                lines.add(line.toString());
            }
            lines.sort(null);
            result.put(table, lines);
        }
        return result;
    }

    private static boolean volatileColumn(Column column) {
        var name = column.name();
        return column.type().startsWith("timestamp")
                || name.contains("hash")
                || name.contains("password")
                || name.equals("version");
    }

    private static String text(String value, LocalDate today, boolean mask) {
        // Instants inside text (a frozen packet's "asOf") are when the seeding ran, not what it wrote.
        value = INSTANT.matcher(value).replaceAll("<instant>");
        if (mask) {
            var masked = ISO_DATE.matcher(value).replaceAll("<date>");
            masked = CYCLE.matcher(masked).replaceAll("<cycle>");
            return YEAR.matcher(masked).replaceAll("<year>");
        }
        return ISO_DATE.matcher(value)
                .replaceAll(m -> "D" + ChronoUnit.DAYS.between(today, LocalDate.parse(m.group())));
    }

    private int rank(Map<String, Map<Object, Integer>> ranks, String table, Object id) {
        var byId = ranks.computeIfAbsent(table, t -> {
            var ids = jdbc.queryForList("select id from " + t + " order by id", Object.class);
            var map = new HashMap<Object, Integer>();
            for (int i = 0; i < ids.size(); i++) {
                map.put(ids.get(i), i + 1);
            }
            return map;
        });
        var rank = byId.get(id);
        return rank == null ? -1 : rank;
    }

    private static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
