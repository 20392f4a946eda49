package app.rungs.insights;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A small team whose numbers are worked out by hand (see each test): six engineers of the demo ladder under one
 * manager, with level history, evidence and promotion cases dated relative to "today" ({@code t}).
 *
 * <pre>
 * person  level  history (days before t)            time in level
 * A       DSE-1  hired DSE-1 at 100                  100
 * B       DSE-1  hired DSE-1 at 300                  300
 * C       DSE-1  hired DSE-1 at 200                  200
 * D       DSE-2  DSE-1 at 700, promoted at 400       400   (300 days at DSE-1)
 * E       DSE-2  DSE-1 at 600, promoted at 100       100   (500 days at DSE-1)
 * F       DSE-3  DSE-2 at 900, promoted at 500       500   (400 days at DSE-2)
 * </pre>
 */
final class InsightFixture {

    private static final AtomicLong NEXT = new AtomicLong(910_000_000L);

    final long base = NEXT.getAndAdd(1000);
    final long team = base;
    final long manager = base + 1;
    final long a = base + 10, b = base + 11, c = base + 12, d = base + 13, e = base + 14, f = base + 15;
    final String cycleA = "FX" + (base % 100000) + "A";
    final String cycleB = "FX" + (base % 100000) + "B";
    final long ladder;
    final LocalDate t;
    /** A competency every level from DSE-2 to SPE-1 expects, and another one. */
    final String k1;

    final String k2;

    InsightFixture(JdbcTemplate jdbc, long ladder, LocalDate today) {
        this.ladder = ladder;
        this.t = today;
        List<String> expectedEverywhere = jdbc.queryForList("""
                select c.competency_key from competency c
                join ladder_version v on v.id = c.ladder_version_id and v.status = 'PUBLISHED' and v.ladder_id = ?
                join expectation x on x.competency_id = c.id and x.kind = 'EXPECTED'
                join ladder_level l on l.id = x.level_id and l.level_key in ('DSE-2', 'DSE-3', 'SPE-1')
                group by c.competency_key having count(distinct l.level_key) = 3
                order by c.competency_key
                """, String.class, ladder);
        k1 = expectedEverywhere.get(0);
        k2 = expectedEverywhere.get(1);
        var seed = new InsightSeed(jdbc);
        seed.team(team, "Insights fixture " + base);
        seed.person(manager, "Fixture Manager " + base, null, null, null);
        seed.level(base + 100, manager, ladder, "SPE-1", t.minusDays(1000), "HIRE");
        String[] names = {"A", "B", "C", "D", "E", "F"};
        long[] ids = {a, b, c, d, e, f};
        for (int i = 0; i < ids.length; i++) {
            seed.person(ids[i], "Fixture " + names[i] + " " + base, team, manager, null);
        }
        seed.level(base + 101, a, ladder, "DSE-1", t.minusDays(100), "HIRE");
        seed.level(base + 102, b, ladder, "DSE-1", t.minusDays(300), "HIRE");
        seed.level(base + 103, c, ladder, "DSE-1", t.minusDays(200), "HIRE");
        seed.level(base + 104, d, ladder, "DSE-1", t.minusDays(700), "HIRE");
        seed.level(base + 105, d, ladder, "DSE-2", t.minusDays(400), "PROMOTION");
        seed.level(base + 106, e, ladder, "DSE-1", t.minusDays(600), "HIRE");
        seed.level(base + 107, e, ladder, "DSE-2", t.minusDays(100), "PROMOTION");
        seed.level(base + 108, f, ladder, "DSE-2", t.minusDays(900), "HIRE");
        seed.level(base + 109, f, ladder, "DSE-3", t.minusDays(500), "PROMOTION");
        var month = t.withDayOfMonth(1);
        // This month: A acknowledged (k1, at DSE-2: covers k1 for the next level) and in review (k1, k2);
        // B a draft (never counted); last month B returned (k2); two years ago C acknowledged k1 at DSE-1 (outside
        // the window, and below A's... C's next level, so it covers nothing).
        seed.evidence(base + 200, a, ladder, "DSE-2", month, "ACKNOWLEDGED", k1);
        seed.evidence(base + 201, a, ladder, "DSE-1", month, "SUBMITTED", k1, k2);
        seed.evidence(base + 202, b, ladder, "DSE-1", month, "DRAFT", k1);
        seed.evidence(base + 203, b, ladder, "DSE-1", month.minusMonths(1), "RETURNED", k2);
        seed.evidence(base + 204, c, ladder, "DSE-1", t.minusYears(2), "ACKNOWLEDGED", k1);
        // Cycle A: D promoted, A not yet, B declined, C withdrawn (not counted); cycle B: E in review.
        seed.promotionCase(base + 300, d, ladder, "DSE-1", "DSE-2", cycleA, "APPROVED", t.minusDays(400));
        seed.promotionCase(base + 301, a, ladder, "DSE-1", "DSE-2", cycleA, "NOT_YET", null);
        seed.promotionCase(base + 302, b, ladder, "DSE-1", "DSE-2", cycleA, "DECLINED", null);
        seed.promotionCase(base + 303, c, ladder, "DSE-1", "DSE-2", cycleA, "WITHDRAWN", null);
        seed.promotionCase(base + 304, e, ladder, "DSE-1", "DSE-2", cycleB, "SUBMITTED", null);
        seed.flush();
    }

    static long demoLadder(JdbcTemplate jdbc) {
        return jdbc.queryForObject("""
                select cur.ladder_id from person p
                cross join lateral person_level_on(p.id, current_date) cur
                where lower(p.email) = 'lena.fischer@rungs.demo'
                """, Long.class);
    }
}
