package app.rungs.demo.scale;

import app.rungs.demo.scale.ScalePlan.CaseStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

/**
 * Writes the planned promotion cases: the open ones (proposed by the engineer, drafted, submitted, in calibration)
 * in this cycle, the decided ones (approved with effect from this cycle's start, not yet, withdrawn, declined) in
 * the last cycle, nominated by the engineer's manager except for self-nominations.
 */
final class ScaleCases {

    private ScaleCases() {}

    static long caseId(ScaleIds ids, int index) {
        return ids.promotion() + index;
    }

    static long write(
            Connection connection,
            ScaleOrg org,
            ScalePlan plan,
            long ladderId,
            ScaleIds ids,
            LocalDate today,
            long seed)
            throws SQLException {
        var random = new SplittableRandom(seed);
        var cycle = ScaleGenerator.cycle(today);
        var previous = ScaleGenerator.cycle(today.minusMonths(6));
        var cycleStart = ScaleGenerator.cycleStart(today);
        var previousStart = ScaleGenerator.cycleStart(today.minusMonths(6));
        try (var cases = TableCopy.into(
                connection,
                "promotion_case",
                "id, engineer_id, engineer_name, ladder_id, current_level_key, target_level_key, cycle, status,"
                        + " self_nominated, nominated_by_person_id, nominated_by_name, justification, closing_note,"
                        + " effective_date, decided_at, decided_by, created_at, updated_at, version")) {
            for (int i = 0; i < plan.cases.size(); i++) {
                var c = plan.cases.get(i);
                int p = c.person();
                var status = c.status();
                boolean self = status == CaseStatus.PROPOSED;
                int nominator = self ? p : org.manager[p];
                var created = status.open
                        ? today.minusDays(1 + random.nextInt((int) ChronoUnit.DAYS.between(cycleStart, today) + 60))
                        : previousStart.plusDays(random.nextInt(120));
                var createdAt = created.atTime(10, random.nextInt(60)).toInstant(ZoneOffset.UTC);
                var decidedAt = status.open
                        ? null
                        : cycleStart.minusDays(10).atTime(15, 0).toInstant(ZoneOffset.UTC);
                var target = plan.levelKeys.get(c.toLevel());
                cases.row(
                        caseId(ids, i),
                        p + ids.people(),
                        org.name[p],
                        ladderId,
                        plan.levelKeys.get(c.fromLevel()),
                        target,
                        status.open ? cycle : previous,
                        status.name(),
                        self,
                        nominator + ids.people(),
                        org.name[nominator],
                        org.name[p].split(" ")[0] + " has worked at " + target + " scope for several months: led "
                                + "cross-team designs, mentored two engineers and owned a critical migration.",
                        closingNote(status, target),
                        status == CaseStatus.APPROVED ? cycleStart : null,
                        decidedAt,
                        decidedAt == null ? null : ScalePeople.DECIDED_BY,
                        createdAt,
                        decidedAt == null
                                ? before(createdAt.plusSeconds(3_600L * random.nextInt(200)), today)
                                : decidedAt,
                        0);
            }
            return cases.finish();
        }
    }

    /** The instant, but never after the start of today: no case was touched in the future. */
    private static Instant before(Instant at, LocalDate today) {
        var start = today.atStartOfDay().toInstant(ZoneOffset.UTC);
        return at.isBefore(start) ? at : start;
    }

    private static String closingNote(CaseStatus status, String target) {
        return switch (status) {
            case NOT_YET -> "Not yet: show " + target + " scope on a second project before the next cycle.";
            case DECLINED -> "The self-nomination comes too early; let's plan the next step together.";
            case WITHDRAWN -> "Withdrawn: the engineer moved to another team mid-cycle.";
            default -> null;
        };
    }
}
