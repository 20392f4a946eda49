package app.rungs.demo.scale;

import app.rungs.ladder.domain.CommunityAxis;
import app.rungs.ladder.domain.FocusAxis;
import app.rungs.ladder.domain.ScopeAxis;
import app.rungs.ladder.domain.SpecializationTrack;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes the organization: teams, people, everyone's level history (a hire and the promotions since, the last one
 * linked to its approved case) and the reporting-line closure. The closure trigger on person is off while the people
 * are copied (one rebuild per inserted row would walk the tree 100,000 times); one set-based statement, the one of
 * db/V34, fills the closure of the generated people afterwards.
 */
final class ScalePeople {

    static final String DECIDED_BY = "admin@" + ScaleOrg.DOMAIN;
    static final String INSERT_TRIGGER = "person_reporting_line_insert";

    private final ScaleOrg org;
    private final ScalePlan plan;
    private final ScaleLadder ladder;
    private final ScaleIds ids;
    private final LocalDate today;
    private final LocalDate cycleStart;
    private final SplittableRandom random;

    /** The day each person started and reached today's level. */
    final LocalDate[] start;

    final LocalDate[] levelSince;
    long levelRows;

    ScalePeople(ScaleOrg org, ScalePlan plan, ScaleLadder ladder, ScaleIds ids, LocalDate today, long seed) {
        this.org = org;
        this.plan = plan;
        this.ladder = ladder;
        this.ids = ids;
        this.today = today;
        this.cycleStart = ScaleGenerator.cycleStart(today);
        this.random = new SplittableRandom(seed);
        start = new LocalDate[org.size];
        levelSince = new LocalDate[org.size];
    }

    long personId(int p) {
        return ids.people() + p;
    }

    long teamId(int t) {
        return ids.people() + org.size + t;
    }

    /** The last id taken from people_seq. */
    long lastId() {
        return ids.people() + org.size + org.teams + levelRows - 1;
    }

    void write(Connection connection, JdbcTemplate jdbc) throws SQLException {
        try (var teams = TableCopy.into(connection, "team", "id, name, parent_id, lead_person_id, version")) {
            for (int t = 0; t < org.teams; t++) {
                int parent = org.teamParent[t];
                teams.row(teamId(t), org.teamName[t], parent < 0 ? null : teamId(parent), null, 0);
            }
            teams.finish();
        }
        jdbc.execute("alter table person disable trigger " + INSERT_TRIGGER);
        var tracks = SpecializationTrack.values();
        try (var people = TableCopy.into(
                connection,
                "person",
                "id, full_name, email, job_title, team_id, manager_id, specialization, scope_axis, focus_axis,"
                        + " community_axis, start_date, active, version, track_key")) {
            for (int p = 0; p < org.size; p++) {
                var track = random.nextInt(5) == 0 ? null : tracks[random.nextInt(tracks.length)];
                start[p] = today.minusYears(years(p)).minusDays(20 + random.nextInt(200));
                people.row(
                        personId(p),
                        org.name[p],
                        org.email[p],
                        title(p),
                        teamId(org.team[p]),
                        org.manager[p] < 0 ? null : personId(org.manager[p]),
                        track == null ? null : track.name(),
                        (track == null ? ScopeAxis.GENERALIST : ScopeAxis.SPECIALIST).name(),
                        (track == SpecializationTrack.CLOUD_INFRASTRUCTURE
                                                || track == SpecializationTrack.DATA_INFRASTRUCTURE
                                        ? FocusAxis.PLATFORM
                                        : FocusAxis.PRODUCT)
                                .name(),
                        (track == SpecializationTrack.RESEARCH_PROTOCOL_DESIGN
                                        ? CommunityAxis.OPEN_SOURCE_STANDARDS
                                        : CommunityAxis.INDUSTRY)
                                .name(),
                        start[p],
                        true,
                        0,
                        plan.trackKey(p));
            }
            people.finish();
        }
        jdbc.execute("alter table person enable trigger " + INSERT_TRIGGER);
        var teamIds = new Long[org.teams];
        var leadIds = new Long[org.teams];
        for (int t = 0; t < org.teams; t++) {
            teamIds[t] = teamId(t);
            leadIds[t] = personId(org.teamLead[t]);
        }
        jdbc.update(
                "update team t set lead_person_id = x.lead from unnest(?::bigint[], ?::bigint[]) x(id, lead)"
                        + " where t.id = x.id",
                teamIds,
                leadIds);
        writeLevels(connection);
    }

    private int years(int p) {
        if (p == org.top || org.isDirector(p)) {
            return 8 + random.nextInt(8);
        }
        int years = org.leads[p] ? 3 + random.nextInt(10) : random.nextInt(11);
        // An approved case's promotion took effect this cycle, so its engineer was there before.
        return plan.approvedCase[p] >= 0 ? Math.max(2, years) : years;
    }

    private String title(int p) {
        if (p == org.top) {
            return "Chief Technology Officer";
        }
        if (org.isDirector(p)) {
            return "Director of Engineering";
        }
        if (org.leads[p]) {
            return org.lineSize[p] > 100 ? "Senior Engineering Manager" : "Engineering Manager";
        }
        return plan.levelKey(p) + " Engineer";
    }

    /** A hire at the entry level, then a promotion every 14 to 27 months up to today's level. */
    private void writeLevels(Connection connection) throws SQLException {
        int shared = ladder.sharedLevels().size();
        long id = ids.people() + org.size + org.teams;
        try (var levels = TableCopy.into(
                connection,
                "level_assignment",
                "id, person_id, ladder_id, level_key, effective_date, reason, decided_by, promotion_case_id, note,"
                        + " recorded_at, version")) {
            for (int p = 0; p < org.size; p++) {
                int target = Math.min(plan.level[p], shared);
                int years = (int) start[p].until(today).toTotalMonths() / 12;
                int approved = plan.approvedCase[p];
                // An approved case's promotion is the last step, so such a career has at least one.
                int entry = Math.max(0, target - Math.max(years / 3, approved >= 0 ? 1 : 0));
                var date = start[p];
                levels.row(
                        id++,
                        personId(p),
                        ladder.ladderId(),
                        level(p, entry, target),
                        date,
                        "HIRE",
                        DECIDED_BY,
                        null,
                        null,
                        date.atTime(9, 0).toInstant(ZoneOffset.UTC),
                        0);
                var cap = (approved >= 0 ? cycleStart : today).minusMonths(2);
                for (int l = entry + 1; l <= target; l++) {
                    boolean byCase = approved >= 0 && l == target;
                    var next = date.plusMonths(14 + random.nextInt(14));
                    if (next.isAfter(cap)) {
                        next = cap.minusDays(random.nextInt(30));
                    }
                    date = byCase ? cycleStart : next.isAfter(date) ? next : date.plusDays(1);
                    levels.row(
                            id++,
                            personId(p),
                            ladder.ladderId(),
                            level(p, l, target),
                            date,
                            "PROMOTION",
                            DECIDED_BY,
                            byCase ? ScaleCases.caseId(ids, approved) : null,
                            "Promotion approved by the " + date.getYear() + " committee",
                            date.atTime(9, 0).toInstant(ZoneOffset.UTC),
                            0);
                }
                levelSince[p] = date;
            }
            levelRows = levels.finish();
        }
    }

    /** The level key at step {@code l} of a career whose last step {@code target} is the person's level. */
    private String level(int p, int l, int target) {
        return l == target ? plan.levelKey(p) : plan.levelKeys.get(l);
    }

    /** Fills the closure of the generated people in one statement (db/V34's), instead of a trigger per row. */
    long closure(JdbcTemplate jdbc) {
        return jdbc.update("""
                insert into reporting_line (ancestor_id, person_id, depth)
                with recursive up(person_id, ancestor_id, depth) as (
                    select id, manager_id, 1 from person where manager_id is not null and id between ? and ?
                    union all
                    select u.person_id, p.manager_id, u.depth + 1
                    from up u join person p on p.id = u.ancestor_id
                    where p.manager_id is not null and u.depth < 64
                )
                select ancestor_id, person_id, min(depth) from up where ancestor_id <> person_id
                group by ancestor_id, person_id
                """, personId(0), personId(org.size - 1));
    }
}
