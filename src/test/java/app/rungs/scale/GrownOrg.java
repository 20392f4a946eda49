package app.rungs.scale;

import app.rungs.support.BigOrg;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.LongStream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The larger of the two organizations the screens are counted at: the demo organization plus a line of 2,900 people
 * five levels deep with 8,700 evidence items below the demo manager (so the manager's and the director's lines grow,
 * and the whole organization for the admin), and {@value #OWN_ITEMS} more evidence items of the demo engineer's own.
 * Committed, because the screens read in transactions of their own as in production, and removed afterwards by id
 * range ({@link BigOrg#FIRST_ID} and up): reporting-line rows and item children go with them by cascade.
 */
final class GrownOrg {

    static final int[] FANOUT = {4, 4, 5, 5, 6};
    static final int ITEMS_PER_ENGINEER = 3;
    static final int OWN_ITEMS = 1_500;

    /** The engineer's own extra items take ids well above BigOrg's. */
    private static final long OWN_FIRST_ID = BigOrg.FIRST_ID + 500_000_000L;

    private GrownOrg() {}

    static BigOrg.Generated grow(JdbcTemplate jdbc) {
        remove(jdbc);
        var generated = BigOrg.grow(jdbc, Screens.personOf(Screens.MANAGER, jdbc), FANOUT, ITEMS_PER_ENGINEER, 31L);
        long engineer = Screens.personOf(Screens.ENGINEER, jdbc);
        var placement = jdbc.queryForMap(
                "select ladder_id, level_key, competency_keys from evidence_item where owner_id = ? order by id limit 1",
                engineer);
        var today = LocalDate.now();
        var now = Instant.now();
        jdbc.batchUpdate(
                "insert into evidence_item (id, owner_id, ladder_id, type, title, occurred_on, level_key,"
                        + " competency_keys, status, submitted_at, created_at, updated_at, version)"
                        + " values (?, ?, ?, 'OTHER', ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                LongStream.range(0, OWN_ITEMS).boxed().toList(),
                500,
                (ps, i) -> {
                    var at = Timestamp.from(now.minusSeconds(3_600L * i));
                    ps.setLong(1, OWN_FIRST_ID + i);
                    ps.setLong(2, engineer);
                    ps.setObject(3, placement.get("ladder_id"));
                    ps.setString(4, "Grown evidence " + i);
                    ps.setObject(5, Date.valueOf(today.minusDays(i % 700)));
                    ps.setObject(6, placement.get("level_key"));
                    ps.setObject(7, placement.get("competency_keys"));
                    ps.setString(8, i % 3 == 0 ? "SUBMITTED" : "ACKNOWLEDGED");
                    ps.setTimestamp(9, at);
                    ps.setTimestamp(10, at);
                    ps.setTimestamp(11, at);
                });
        jdbc.execute("analyze evidence_item");
        return generated;
    }

    /** Removes everything {@link #grow} added; safe to call when nothing was. */
    static void remove(JdbcTemplate jdbc) {
        jdbc.update("delete from evidence_item where id >= ?", BigOrg.FIRST_ID);
        jdbc.update("delete from level_assignment where person_id >= ?", BigOrg.FIRST_ID);
        jdbc.update("delete from person where id >= ?", BigOrg.FIRST_ID);
    }
}
