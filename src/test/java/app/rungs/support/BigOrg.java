package app.rungs.support;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Grows a large, deep reporting line below an existing manager with batched JDBC inserts, reproducibly (seeded):
 * managers fanning out level by level, engineers at the bottom placed on a ladder, and evidence items of which a third
 * wait for review. Meant to run inside a transaction the test rolls back, so the shared database is left as it was.
 */
public final class BigOrg {

    /** Generated ids start here, far above what the sequences hand out in a test run. */
    public static final long FIRST_ID = 2_000_000_000L;

    private static final String[] FIRST = {
        "Ada", "Bram", "Chioma", "Dmitri", "Elif", "Farid", "Greta", "Hiro", "Ines", "Jonas", "Kavya", "Luca", "Mei",
        "Nils", "Oona", "Pavel", "Quinn", "Rosa", "Sami", "Tariq", "Uma", "Viktor", "Wen", "Yara", "Zeno"
    };
    private static final String[] LAST = {
        "Abbott", "Berg", "Costa", "Dahl", "Eze", "Fontaine", "Gupta", "Haas", "Ivanova", "Jensen", "Kowalski",
        "Lindqvist", "Moreau", "Nakamura", "Okoro", "Petrov", "Quist", "Reyes", "Singh", "Tanaka", "Ueda", "Varga"
    };

    /** What was generated: the people below the root and the evidence items. */
    public record Generated(int people, int depth, int items, int submitted) {}

    private BigOrg() {}

    /**
     * Adds people below {@code rootId}: each level of {@code fanout} says how many reports each person of the level
     * above has (the last level are engineers), and {@code itemsPerEngineer} evidence items per engineer.
     */
    public static Generated grow(JdbcTemplate jdbc, long rootId, int[] fanout, int itemsPerEngineer, long seed) {
        var random = new Random(seed);
        var placement =
                jdbc.queryForMap("select ladder_id, level_key, competency_keys from evidence_item order by id limit 1");
        long ladderId = ((Number) placement.get("ladder_id")).longValue();
        String levelKey = (String) placement.get("level_key");
        Object competencies = placement.get("competency_keys");
        var teams = jdbc.queryForList("select id from team order by id", Long.class);
        var today = LocalDate.now();
        long next = FIRST_ID;
        List<Long> above = List.of(rootId);
        var engineers = new ArrayList<Long>();
        int people = 0;
        for (int level = 0; level < fanout.length; level++) {
            var rows = new ArrayList<Object[]>();
            var created = new ArrayList<Long>();
            boolean bottom = level == fanout.length - 1;
            for (long manager : above) {
                for (int i = 0; i < fanout[level]; i++) {
                    long id = next++;
                    var name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)] + " "
                            + id % 100_000;
                    rows.add(new Object[] {
                        id,
                        name,
                        "gen-" + id + "@bigorg.test",
                        bottom ? "Software Engineer" : "Engineering Manager",
                        teams.isEmpty() ? null : teams.get(random.nextInt(teams.size())),
                        manager,
                        Date.valueOf(today.minusDays(30 + random.nextInt(2000)))
                    });
                    created.add(id);
                }
            }
            jdbc.batchUpdate(
                    "insert into person (id, full_name, email, job_title, team_id, manager_id, start_date, active,"
                            + " version) values (?, ?, ?, ?, ?, ?, ?, true, 0)",
                    rows,
                    500,
                    (ps, r) -> {
                        for (int c = 0; c < r.length; c++) {
                            ps.setObject(c + 1, r[c]);
                        }
                    });
            jdbc.batchUpdate(
                    "insert into level_assignment (id, person_id, ladder_id, level_key, effective_date, reason,"
                            + " decided_by, recorded_at, version) values (?, ?, ?, ?, ?, 'HIRE', 'bigorg', now(), 0)",
                    created,
                    500,
                    (ps, id) -> {
                        ps.setLong(1, id);
                        ps.setLong(2, id);
                        ps.setLong(3, ladderId);
                        ps.setString(4, levelKey);
                        ps.setObject(5, Date.valueOf(today.minusDays(400)));
                    });
            people += created.size();
            if (bottom) {
                engineers.addAll(created);
            }
            above = created;
        }
        var items = new ArrayList<Object[]>();
        long itemId = next;
        int submitted = 0;
        var now = Instant.now();
        for (long owner : engineers) {
            for (int i = 0; i < itemsPerEngineer; i++) {
                boolean waiting = random.nextInt(3) == 0;
                submitted += waiting ? 1 : 0;
                var at = Timestamp.from(now.minusSeconds(60L * random.nextInt(500_000)));
                items.add(new Object[] {itemId++, owner, waiting ? "SUBMITTED" : "ACKNOWLEDGED", at});
            }
        }
        jdbc.batchUpdate(
                "insert into evidence_item (id, owner_id, ladder_id, type, title, occurred_on, level_key,"
                        + " competency_keys, status, submitted_at, created_at, updated_at, version)"
                        + " values (?, ?, ?, 'OTHER', ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                items,
                500,
                (ps, r) -> {
                    ps.setLong(1, (Long) r[0]);
                    ps.setLong(2, (Long) r[1]);
                    ps.setLong(3, ladderId);
                    ps.setString(4, "Generated evidence " + r[0]);
                    ps.setObject(5, Date.valueOf(today.minusDays(10)));
                    ps.setString(6, levelKey);
                    ps.setObject(7, competencies);
                    ps.setString(8, (String) r[2]);
                    ps.setTimestamp(9, (Timestamp) r[3]);
                    ps.setTimestamp(10, (Timestamp) r[3]);
                    ps.setTimestamp(11, (Timestamp) r[3]);
                });
        jdbc.execute("analyze person");
        jdbc.execute("analyze evidence_item");
        jdbc.execute("analyze reporting_line");
        return new Generated(people, fanout.length, items.size(), submitted);
    }
}
