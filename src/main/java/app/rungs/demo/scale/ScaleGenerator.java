package app.rungs.demo.scale;

import app.rungs.promotion.service.Cycles;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Builds an organization at scale into the database, reproducibly from a seed (docs/benchmarks/data-generator.md):
 * {@link ScaleOrg} shapes it in memory, then every table is filled with one {@code COPY} through the JDBC driver in
 * the caller's transaction, so a failure leaves nothing behind and a test can roll it all back. Placed on the
 * published ladder found in the database; ids above the sequences, which are advanced afterwards.
 */
public final class ScaleGenerator {

    private static final Logger log = LoggerFactory.getLogger(ScaleGenerator.class);

    /** The users a benchmark signs in as (password: the demo password). */
    public static final String DIRECTOR = "director@" + ScaleOrg.DOMAIN;

    public static final String MANAGER = "manager@" + ScaleOrg.DOMAIN;
    public static final String ENGINEER = "engineer@" + ScaleOrg.DOMAIN;
    public static final String ADMIN = ScaleAccounts.ADMIN;

    /** A calibration session as written. */
    public record Session(long id, String facilitator, int engineers, int participants, String status) {}

    /**
     * What was generated: counts, the id range of the people (the top executive first), the named people's ids and
     * line sizes, the sessions, and how long it took.
     */
    public record Result(
            int people,
            int teams,
            long levelRows,
            long closureRows,
            long items,
            long submittedItems,
            long cases,
            long accounts,
            long firstPersonId,
            long lastPersonId,
            long directorId,
            int directorLine,
            long managerId,
            int managerLine,
            long engineerId,
            List<Session> sessions,
            long millis) {}

    private static final String[] ANALYZED = {
        "team",
        "person",
        "level_assignment",
        "reporting_line",
        "promotion_case",
        "evidence_item",
        "calibration_session",
        "calibration_participant",
        "calibration_entry",
        "app_user",
        "app_user_role"
    };

    private final Connection connection;
    private final JdbcTemplate jdbc;

    /**
     * A generator working on one connection of the schema owner (it switches the closure trigger off, rebuilds
     * indexes, moves sequences and analyzes, which the app's DML-only role may not), in that connection's
     * transaction: auto-commit must be off, and the caller commits or rolls back.
     */
    public ScaleGenerator(Connection connection) {
        this.connection = connection;
        this.jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
    }

    /** Whether a generated organization is already in the database (its director's account exists). */
    public boolean generated() {
        Boolean found = jdbc.queryForObject(
                "select exists (select 1 from app_user where lower(username) = ?)", Boolean.class, DIRECTOR);
        return Boolean.TRUE.equals(found);
    }

    /** Generates the organization of {@code spec}, every account with the encoded {@code passwordHash}. */
    public Result generate(ScaleSpec spec, String passwordHash) {
        long started = System.nanoTime();
        try {
            if (connection.getAutoCommit()) {
                throw new IllegalStateException(
                        "Generate inside a transaction (auto-commit off), so a failure leaves nothing behind");
            }
            if (generated()) {
                throw new IllegalStateException("A generated organization is already in this database (" + DIRECTOR
                        + " exists); start from a fresh data directory.");
            }
            return generate(spec, passwordHash, started);
        } catch (SQLException e) {
            throw new IllegalStateException("Generating the organization failed: " + e.getMessage(), e);
        }
    }

    private Result generate(ScaleSpec spec, String passwordHash, long started) throws SQLException {
        jdbc.execute("set local maintenance_work_mem = '256MB'");
        var clock = new Phases(started);
        var ladder = ScaleLadder.read(jdbc);
        var ids = ScaleIds.next(jdbc);
        var org = ScaleOrg.build(spec.people(), spec.seed());
        var plan = ScalePlan.of(org, ladder, spec.cases(), spec.seed() + 1);
        clock.done("planned " + org.size + " people in " + org.teams + " teams");
        var people = new ScalePeople(org, plan, ladder, ids, spec.today(), spec.seed() + 2);
        people.write(connection, jdbc);
        clock.done("copied people, teams and " + people.levelRows + " level history rows");
        long closure = people.closure(jdbc);
        clock.done("filled the reporting-line closure: " + closure + " rows");
        long cases = ScaleCases.write(connection, org, plan, ladder.ladderId(), ids, spec.today(), spec.seed() + 3);
        clock.done("copied " + cases + " promotion cases");
        var indexes = dropIndexes("evidence_item");
        var evidence = ScaleEvidence.write(
                connection, org, plan, people, ladder, ids, spec.items(), spec.today(), spec.seed() + 4);
        clock.done("copied " + evidence[0] + " evidence items");
        indexes.forEach(jdbc::execute);
        clock.done("rebuilt " + indexes.size() + " evidence indexes");
        var sessions = ScaleCalibration.write(
                connection, org, plan, people, ladder, ids, spec.sessionSizes(), spec.today(), spec.seed() + 5);
        long accounts = ScaleAccounts.write(connection, org, ids, passwordHash, spec.today());
        ScaleIds.advanceAll(jdbc);
        clock.done("copied " + sessions.size() + " calibration sessions and " + accounts + " accounts");
        for (var table : ANALYZED) {
            jdbc.execute("analyze " + table);
        }
        clock.done("analyzed");
        return new Result(
                org.size,
                org.teams,
                people.levelRows,
                closure,
                evidence[0],
                evidence[1],
                cases,
                accounts,
                people.personId(0),
                people.personId(org.size - 1),
                people.personId(org.namedDirector),
                org.lineSize[org.namedDirector],
                people.personId(org.namedManager),
                org.lineSize[org.namedManager],
                people.personId(org.namedEngineer),
                sessions.stream()
                        .map(s -> new Session(
                                s.id(), org.email[s.facilitator()], s.engineers(), s.participants(), s.status()))
                        .toList(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Drops a table's secondary indexes (not those of constraints) and returns the statements that rebuild them: one
     * sort per index after the copy is much faster than maintaining a GIN index row by row.
     */
    private List<String> dropIndexes(String table) {
        var definitions = jdbc.query(
                "select indexname, indexdef from pg_indexes where schemaname = current_schema() and tablename = ?"
                        + " and indexname not in (select conname from pg_constraint) order by indexname",
                (rs, n) -> Map.entry(rs.getString(1), rs.getString(2)),
                table);
        var rebuild = new ArrayList<String>();
        for (var index : definitions) {
            jdbc.execute("drop index " + index.getKey());
            rebuild.add(index.getValue());
        }
        return rebuild;
    }

    /** The half-year cycle of a day, as the app names it. */
    static String cycle(LocalDate day) {
        return Cycles.of(day);
    }

    /** The first day of a day's cycle. */
    static LocalDate cycleStart(LocalDate day) {
        return day.getMonthValue() <= 6
                ? day.withDayOfYear(1)
                : day.withMonth(7).withDayOfMonth(1);
    }

    /** Logs how long each phase took. */
    private static final class Phases {
        private long last;

        Phases(long started) {
            last = started;
        }

        void done(String what) {
            long now = System.nanoTime();
            log.info("Scale data: {} in {} ms", what, (now - last) / 1_000_000);
            last = now;
        }
    }
}
