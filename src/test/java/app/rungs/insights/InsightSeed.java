package app.rungs.insights;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes insight fixtures straight into the tables, in batches: teams, people, level history, evidence and promotion
 * cases. Ids come from a range the application's sequences never reach, so fixtures and the demo never collide.
 */
public final class InsightSeed {

    private final JdbcTemplate jdbc;
    private final List<Object[]> teams = new ArrayList<>();
    private final List<Object[]> people = new ArrayList<>();
    private final List<Object[]> levels = new ArrayList<>();
    private final List<Object[]> evidence = new ArrayList<>();
    private final List<Object[]> cases = new ArrayList<>();

    public InsightSeed(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public InsightSeed team(long id, String name) {
        teams.add(new Object[] {id, name});
        return this;
    }

    public InsightSeed person(long id, String name, Long teamId, Long managerId, String trackKey) {
        people.add(new Object[] {id, name, "p" + id + "@insights.test", teamId, managerId, trackKey});
        return this;
    }

    public InsightSeed level(long id, long personId, long ladderId, String levelKey, LocalDate on, String reason) {
        levels.add(new Object[] {id, personId, ladderId, levelKey, Date.valueOf(on), reason});
        return this;
    }

    public InsightSeed evidence(
            long id, long ownerId, long ladderId, String levelKey, LocalDate on, String status, String... keys) {
        evidence.add(new Object[] {id, ownerId, ladderId, levelKey, Date.valueOf(on), status, String.join(",", keys)});
        return this;
    }

    public InsightSeed promotionCase(
            long id,
            long engineerId,
            long ladderId,
            String from,
            String to,
            String cycle,
            String status,
            LocalDate effective) {
        cases.add(new Object[] {
            id, engineerId, ladderId, from, to, cycle, status, effective == null ? null : Date.valueOf(effective)
        });
        return this;
    }

    /** Writes everything added so far, people before the rows that point to them, in batches of 5,000. */
    public void flush() {
        var now = Timestamp.from(Instant.now());
        batch("insert into team (id, name) values (?, ?)", teams);
        // Managers first: a person's manager must exist (people are added managers first).
        batch(
                "insert into person (id, full_name, email, team_id, manager_id, track_key, active)"
                        + " values (?, ?, ?, ?, ?, ?, true)",
                people);
        batch(
                "insert into level_assignment (id, person_id, ladder_id, level_key, effective_date, reason, decided_by)"
                        + " values (?, ?, ?, ?, ?, ?, 'seed')",
                levels);
        var items = evidence.stream()
                .map(e -> new Object[] {e[0], e[1], e[2], e[3], e[4], e[5], e[6], now, now})
                .toList();
        batch(
                "insert into evidence_item (id, owner_id, ladder_id, type, title, occurred_on, level_key,"
                        + " competency_keys, status, created_at, updated_at)"
                        + " values (?, ?, ?, 'OTHER', 'Seeded evidence', ?, ?, string_to_array(?, ','), ?, ?, ?)",
                items.stream()
                        .map(e -> new Object[] {e[0], e[1], e[2], e[4], e[3], e[6], e[5], e[7], e[8]})
                        .toList());
        batch(
                "insert into promotion_case (id, engineer_id, engineer_name, ladder_id, current_level_key,"
                        + " target_level_key, cycle, status, self_nominated, nominated_by_name, justification,"
                        + " closing_note, effective_date, created_at, updated_at)"
                        + " values (?, ?, 'Seeded', ?, ?, ?, ?, ?, false, 'seed', 'Seeded case',"
                        + " case when ? in ('NOT_YET', 'DECLINED') then 'Seeded note' end, ?, ?, ?)",
                cases.stream()
                        .map(c -> new Object[] {c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[6], c[7], now, now})
                        .toList());
        teams.clear();
        people.clear();
        levels.clear();
        evidence.clear();
        cases.clear();
    }

    private void batch(String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += 5000) {
            jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + 5000)));
        }
    }
}
