package app.rungs.demo.scale;

import app.rungs.demo.scale.ScalePlan.CaseStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes the calibration sessions the way {@code CalibrationSessions.create} and {@code SessionLifecycle.start}
 * leave them: each facilitated by the manager with the smallest line that holds its engineers, those engineers'
 * managers as participants (never the facilitator), one entry per engineer with their team, manager and level as
 * they are, linked to their open promotion case. The smallest session is still preparing with most proposals in;
 * the others are in session, their final ratings taken from the proposals and linked to cases in calibration.
 */
final class ScaleCalibration {

    static final List<String> SCALE = List.of("Below", "Meets", "Exceeds", "Greatly exceeds");
    private static final int[] RATING_WEIGHTS = {10, 60, 25, 5};

    /** A written session: its id, facilitator (person index) and engineers. */
    record Session(long id, int facilitator, int engineers, int participants, String status) {}

    private ScaleCalibration() {}

    static List<Session> write(
            Connection connection,
            ScaleOrg org,
            ScalePlan plan,
            ScalePeople people,
            ScaleLadder ladder,
            ScaleIds ids,
            List<Integer> sizes,
            LocalDate today,
            long seed)
            throws SQLException {
        var random = new SplittableRandom(seed);
        var cycle = ScaleGenerator.cycle(today);
        long id = ids.calibration();
        var sessions = new ArrayList<Session>();
        var lines = new ArrayList<List<Integer>>();
        var facilitators = new ArrayList<Integer>();
        for (int size : sizes) {
            int facilitator = org.lineFor(size);
            var engineers = new ArrayList<Integer>(size);
            for (int p = facilitator + 1; engineers.size() < size; p++) {
                if (!org.leads[p]) {
                    engineers.add(p);
                }
            }
            lines.add(engineers);
            facilitators.add(facilitator);
        }
        var created = today.minusDays(3).atTime(9, 0).toInstant(ZoneOffset.UTC);
        var started = today.minusDays(1).atTime(14, 0).toInstant(ZoneOffset.UTC);
        long[] sessionIds = new long[sizes.size()];
        try (var copy = TableCopy.into(
                connection,
                "calibration_session",
                "id, name, cycle, status, rating_scale, scope_team_ids, scope_team_names, scope_level_keys,"
                        + " facilitator_username, facilitator_name, facilitator_person_id, created_at, started_at,"
                        + " version")) {
            for (int s = 0; s < sizes.size(); s++) {
                int facilitator = facilitators.get(s);
                var teams = new LinkedHashSet<Integer>();
                lines.get(s).forEach(p -> teams.add(org.team[p]));
                boolean preparing = s == 0;
                sessionIds[s] = id++;
                copy.row(
                        sessionIds[s],
                        cycle + " " + org.name[facilitator] + "'s line (" + sizes.get(s) + " engineers)",
                        cycle,
                        preparing ? "PREPARING" : "IN_SESSION",
                        SCALE,
                        teams.stream().map(people::teamId).toList(),
                        teams.stream().map(t -> org.teamName[t]).toList(),
                        List.of(),
                        org.email[facilitator],
                        org.name[facilitator],
                        people.personId(facilitator),
                        created,
                        preparing ? null : started,
                        0);
            }
            copy.finish();
        }
        var participants = new ArrayList<LinkedHashMap<Integer, Long>>();
        try (var copy =
                TableCopy.into(connection, "calibration_participant", "id, session_id, person_id, person_name")) {
            for (int s = 0; s < sizes.size(); s++) {
                var committee = new LinkedHashMap<Integer, Long>();
                for (int p : lines.get(s)) {
                    int boss = org.manager[p];
                    if (boss != facilitators.get(s) && !committee.containsKey(boss)) {
                        committee.put(boss, id);
                        copy.row(id++, sessionIds[s], people.personId(boss), org.name[boss]);
                    }
                }
                participants.add(committee);
            }
            copy.finish();
        }
        try (var copy = TableCopy.into(
                connection,
                "calibration_entry",
                "id, session_id, person_id, person_name, team_id, team_name, manager_id, manager_name, ladder_id,"
                        + " level_key, level_since, case_id, case_target_level, proposed_rating, proposal_rationale,"
                        + " proposed_by, proposed_at, final_rating, updated_at, version")) {
            for (int s = 0; s < sizes.size(); s++) {
                boolean preparing = s == 0;
                for (int p : lines.get(s)) {
                    int boss = org.manager[p];
                    int open = plan.openCase[p];
                    var c = open < 0 ? null : plan.cases.get(open);
                    boolean linked = c != null && (preparing || c.status() == CaseStatus.IN_CALIBRATION);
                    boolean proposed = random.nextInt(10) < (preparing ? 7 : 9);
                    var rating = proposed ? rating(random) : null;
                    Instant proposedAt = proposed ? created.plusSeconds(random.nextInt(150_000)) : null;
                    copy.row(
                            id++,
                            sessionIds[s],
                            people.personId(p),
                            org.name[p],
                            people.teamId(org.team[p]),
                            org.teamName[org.team[p]],
                            people.personId(boss),
                            org.name[boss],
                            ladder.ladderId(),
                            plan.levelKey(p),
                            people.levelSince[p],
                            linked ? ScaleCases.caseId(ids, open) : null,
                            linked ? plan.levelKeys.get(c.toLevel()) : null,
                            rating,
                            proposed
                                    ? "Delivered at " + rating.toLowerCase() + " level across the cycle's goals."
                                    : null,
                            proposed ? org.name[boss] : null,
                            proposedAt,
                            preparing ? null : rating,
                            preparing || proposedAt == null ? created : started,
                            0);
                }
                sessions.add(new Session(
                        sessionIds[s],
                        facilitators.get(s),
                        lines.get(s).size(),
                        participants.get(s).size(),
                        preparing ? "PREPARING" : "IN_SESSION"));
            }
            copy.finish();
        }
        return sessions;
    }

    private static String rating(SplittableRandom random) {
        int pick = random.nextInt(100);
        for (int i = 0; i < RATING_WEIGHTS.length; i++) {
            if (pick < RATING_WEIGHTS[i]) {
                return SCALE.get(i);
            }
            pick -= RATING_WEIGHTS[i];
        }
        return SCALE.getFirst();
    }
}
