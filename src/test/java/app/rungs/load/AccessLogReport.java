package app.rungs.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The server's view of a load run (docs/benchmarks/load.md): reads Tomcat access logs written with the pattern
 * {@link #PATTERN} and prints, per request kind, the count, errors and p50/p95/p99/max of the time Tomcat spent on
 * the request, as a markdown table. The kind is the harness's X-Load-Request header when the request has one, else
 * the method and path with numbers replaced and only Vaadin's {@code v-r} parameter kept. {@code %D} is in
 * microseconds in Tomcat 10+; the table is in milliseconds. Runs without a build:
 * {@code java src/test/java/app/rungs/load/AccessLogReport.java [--from=ISO] [--to=ISO] access_log*.log}.
 */
public final class AccessLogReport {

    /** The access-log pattern the report reads: common log format, then %D and the harness's request name. */
    public static final String PATTERN = "%h %l %u %t \"%r\" %s %b %D \"%{X-Load-Request}i\"";

    private static final Pattern LINE = Pattern.compile(
            "^\\S+ \\S+ \\S+ \\[([^\\]]+)] \"(\\S+) (\\S+)[^\"]*\" (\\d{3}) \\S+ (\\d+)(?: \"([^\"]*)\")?.*$");
    private static final DateTimeFormatter CLF_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT);
    private static final Pattern VAADIN_REQUEST = Pattern.compile("[?&](v-r=[a-z-]+)");
    private static final String ALL_UIDL = "all UIDL requests (?v-r=uidl)";

    /** One request as the access log has it. */
    record Entry(Instant at, String kind, boolean uidl, int status, long micros) {}

    /** The numbers of one kind of request, times in milliseconds. */
    record Row(String kind, int count, int errors, double p50, double p95, double p99, double max) {}

    private AccessLogReport() {}

    /** The entry of one access-log line, or null when the line is not in {@link #PATTERN}. */
    static Entry parse(String line) {
        var m = LINE.matcher(line);
        if (!m.matches()) {
            return null;
        }
        var at = OffsetDateTime.parse(m.group(1), CLF_TIME).toInstant();
        var method = m.group(2);
        var target = m.group(3);
        var header = m.group(6);
        var uidl = target.contains("v-r=uidl");
        var kind = header == null || header.isBlank() || header.equals("-") ? method + " " + path(target) : header;
        return new Entry(at, kind, uidl, Integer.parseInt(m.group(4)), Long.parseLong(m.group(5)));
    }

    /** The path with ids as {id}, keeping only Vaadin's request type from the query: "/calibration/{id}". */
    static String path(String target) {
        int q = target.indexOf('?');
        var path = (q < 0 ? target : target.substring(0, q)).replaceAll("/\\d+(?=/|$)", "/{id}");
        if (q >= 0) {
            var vaadin = VAADIN_REQUEST.matcher(target.substring(q));
            if (vaadin.find()) {
                return path + "?" + vaadin.group(1);
            }
        }
        return path;
    }

    /**
     * Rows per kind (sorted by name) and a last row over every UIDL request; an error is a status of 400 or more
     * (redirects such as the sign-in's 302 are part of the flow).
     */
    static List<Row> rows(List<Entry> entries) {
        var byKind = new TreeMap<String, List<Entry>>();
        var uidl = new ArrayList<Entry>();
        for (var e : entries) {
            byKind.computeIfAbsent(e.kind(), k -> new ArrayList<>()).add(e);
            if (e.uidl()) {
                uidl.add(e);
            }
        }
        var rows = new ArrayList<Row>();
        for (Map.Entry<String, List<Entry>> kind : byKind.entrySet()) {
            rows.add(row(kind.getKey(), kind.getValue()));
        }
        if (!uidl.isEmpty()) {
            rows.add(row(ALL_UIDL, uidl));
        }
        return rows;
    }

    private static Row row(String kind, List<Entry> entries) {
        var micros = entries.stream().mapToLong(Entry::micros).sorted().toArray();
        int errors = (int) entries.stream().filter(e -> e.status() >= 400).count();
        return new Row(
                kind,
                micros.length,
                errors,
                percentile(micros, 50),
                percentile(micros, 95),
                percentile(micros, 99),
                micros[micros.length - 1] / 1000.0);
    }

    /** Nearest-rank percentile of sorted microseconds, in milliseconds. */
    static double percentile(long[] sortedMicros, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sortedMicros.length);
        return sortedMicros[Math.max(0, rank - 1)] / 1000.0;
    }

    static String markdown(List<Row> rows) {
        var out = new StringBuilder("| request | count | errors | p50 ms | p95 ms | p99 ms | max ms |\n"
                + "|---|---:|---:|---:|---:|---:|---:|\n");
        for (var r : rows) {
            out.append("| %s | %d | %d | %.1f | %.1f | %.1f | %.1f |\n"
                    .formatted(r.kind(), r.count(), r.errors(), r.p50(), r.p95(), r.p99(), r.max()));
        }
        return out.toString();
    }

    public static void main(String[] args) throws IOException {
        Instant from = Instant.MIN;
        Instant to = Instant.MAX;
        var files = new ArrayList<Path>();
        for (var arg : args) {
            if (arg.startsWith("--from=")) {
                from = Instant.parse(arg.substring("--from=".length()));
            } else if (arg.startsWith("--to=")) {
                to = Instant.parse(arg.substring("--to=".length()));
            } else {
                files.add(Path.of(arg));
            }
        }
        if (files.isEmpty()) {
            System.err.println("usage: AccessLogReport [--from=2026-11-30T13:00:00Z] [--to=…] access_log….log …");
            System.exit(2);
        }
        var entries = new ArrayList<Entry>();
        int skipped = 0;
        for (var file : files) {
            for (var line : Files.readAllLines(file)) {
                var e = parse(line);
                if (e == null) {
                    skipped++;
                } else if (!e.at().isBefore(from) && e.at().isBefore(to)) {
                    entries.add(e);
                }
            }
        }
        System.out.print(markdown(rows(entries)));
        System.out.printf(
                "%n%d requests from %s%s%n",
                entries.size(),
                Arrays.toString(files.toArray()),
                skipped == 0 ? "" : "; " + skipped + " lines not in the pattern were skipped");
    }
}
