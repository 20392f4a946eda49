package app.rungs.demo.scale;

import app.rungs.evidence.domain.EvidenceType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes the evidence items: everyone below the top has some (engineers about four times as many as managers), the
 * named engineer a long list; dates spread over the three years before today (never before the person started);
 * 70 % acknowledged, 17 % waiting for review (recent, so every manager's review inbox is full), 8 % drafts, 5 %
 * returned; one to three of the ladder's competencies each, at the owner's level.
 */
final class ScaleEvidence {

    private enum Status {
        DRAFT(8),
        SUBMITTED(17),
        ACKNOWLEDGED(70),
        RETURNED(5);

        final int weight;

        Status(int weight) {
            this.weight = weight;
        }
    }

    private static final EvidenceType[] TYPES = {
        EvidenceType.DESIGN_DOCUMENT,
        EvidenceType.DESIGN_DOCUMENT,
        EvidenceType.INCIDENT_POSTMORTEM,
        EvidenceType.MENTORING,
        EvidenceType.TALK,
        EvidenceType.OPEN_SOURCE,
        EvidenceType.OTHER
    };
    private static final String[] SYSTEMS = {
        "the storage tier", "the ingest pipeline", "the edge proxies", "the scheduler", "the billing service",
        "the search index", "the replication log", "the metrics backend", "the identity service", "the job queue",
        "the cache fleet", "the deploy tooling"
    };
    private static final String[] OUTCOMES = {
        "cut p99 latency by a third", "removed a weekly page for the on-call rotation", "unblocked two teams",
        "halved the cost of the cluster", "closed a class of data-loss bugs", "made the rollout reversible"
    };

    private ScaleEvidence() {}

    /** Writes {@code total} items; returns how many are waiting for review. */
    static long[] write(
            Connection connection,
            ScaleOrg org,
            ScalePlan plan,
            ScalePeople people,
            ScaleLadder ladder,
            ScaleIds ids,
            int total,
            LocalDate today,
            long seed)
            throws SQLException {
        var random = new SplittableRandom(seed);
        var counts = counts(org, total, random);
        var competencies = ladder.competencies();
        var now = today.atStartOfDay().toInstant(ZoneOffset.UTC);
        var threeYears = today.minusYears(3);
        long id = ids.evidence();
        long submitted = 0;
        try (var items = TableCopy.into(
                connection,
                "evidence_item",
                "id, owner_id, ladder_id, type, title, occurred_on, description, impact, level_key, competency_keys,"
                        + " status, revision, submitted_at, reviewed_at, reviewed_by, review_comment, created_at,"
                        + " updated_at, version")) {
            for (int p = 0; p < org.size; p++) {
                var from = people.start[p].isAfter(threeYears) ? people.start[p] : threeYears;
                int span = (int) Math.max(1, ChronoUnit.DAYS.between(from, today) - 7);
                var reviewer = org.manager[p] < 0 ? null : org.name[org.manager[p]];
                for (int i = 0; i < counts[p]; i++) {
                    var status = status(random);
                    int daysAgo = switch (status) {
                        case SUBMITTED -> 1 + random.nextInt(Math.min(span, 120));
                        case DRAFT -> 1 + random.nextInt(Math.min(span, 60));
                        default -> 7 + random.nextInt(span);
                    };
                    var occurred = today.minusDays(daysAgo);
                    var created = at(occurred.plusDays(random.nextInt(4)), random, now);
                    var sent = status == Status.DRAFT ? null : min(created.plusSeconds(random.nextInt(259_200)), now);
                    var reviewed = status == Status.ACKNOWLEDGED || status == Status.RETURNED
                            ? min(sent.plusSeconds(3_600L + random.nextInt(864_000)), now)
                            : null;
                    var type = TYPES[random.nextInt(TYPES.length)];
                    var system = SYSTEMS[random.nextInt(SYSTEMS.length)];
                    submitted += status == Status.SUBMITTED ? 1 : 0;
                    items.row(
                            id++,
                            ids.people() + p,
                            ladder.ladderId(),
                            type.name(),
                            title(type, system),
                            occurred,
                            "What I did on " + system + ", why it mattered and who I worked with.",
                            "It " + OUTCOMES[random.nextInt(OUTCOMES.length)] + ".",
                            plan.levelKey(p),
                            keys(competencies, random),
                            status.name(),
                            1,
                            sent,
                            reviewed,
                            reviewed == null ? null : reviewer,
                            status == Status.RETURNED ? "Please add the numbers before and after." : null,
                            created,
                            reviewed != null ? reviewed : sent != null ? sent : created,
                            0);
                }
            }
            return new long[] {items.finish(), submitted, id - 1};
        }
    }

    /** Items per person, summing to {@code total} exactly: the named engineer's share first. */
    static int[] counts(ScaleOrg org, int total, SplittableRandom random) {
        var counts = new int[org.size];
        var weights = new double[org.size];
        int named = ScaleSpec.namedEngineerItems(org.size);
        double sum = 0;
        for (int p = 1; p < org.size; p++) {
            if (p != org.namedEngineer) {
                weights[p] = org.leads[p] ? 0.1 + 0.4 * random.nextDouble() : 0.2 + 1.6 * random.nextDouble();
                sum += weights[p];
            }
        }
        int rest = total - named;
        int given = 0;
        for (int p = 1; p < org.size; p++) {
            counts[p] = (int) Math.floor(rest * weights[p] / sum);
            given += counts[p];
        }
        for (int p = 1; given < rest; p = p % (org.size - 1) + 1) {
            if (p != org.namedEngineer) {
                counts[p]++;
                given++;
            }
        }
        counts[org.namedEngineer] = named;
        return counts;
    }

    private static Status status(SplittableRandom random) {
        int pick = random.nextInt(100);
        for (var status : Status.values()) {
            if (pick < status.weight) {
                return status;
            }
            pick -= status.weight;
        }
        return Status.ACKNOWLEDGED;
    }

    private static String title(EvidenceType type, String system) {
        return switch (type) {
            case DESIGN_DOCUMENT -> "Design of the next version of " + system;
            case INCIDENT_POSTMORTEM -> "Postmortem: outage of " + system;
            case MENTORING -> "Mentored a new engineer on " + system;
            case TALK -> "Internal talk about " + system;
            case OPEN_SOURCE -> "Upstream fix for a library " + system + " uses";
            default -> "Migration of " + system;
        };
    }

    private static List<String> keys(List<String> competencies, SplittableRandom random) {
        int n = 1 + random.nextInt(Math.min(3, competencies.size()));
        var keys = new ArrayList<String>(n);
        while (keys.size() < n) {
            var key = competencies.get(random.nextInt(competencies.size()));
            if (!keys.contains(key)) {
                keys.add(key);
            }
        }
        return keys;
    }

    private static Instant at(LocalDate day, SplittableRandom random, Instant now) {
        return min(day.atTime(8 + random.nextInt(10), random.nextInt(60)).toInstant(ZoneOffset.UTC), now);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
