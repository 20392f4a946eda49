package app.rungs.demo.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.evidence.service.EvidenceFilter;
import app.rungs.evidence.service.EvidenceReview;
import app.rungs.people.service.PeopleService;
import app.rungs.support.ClosureCheck;
import app.rungs.support.IntegrationTest;
import app.rungs.support.RunAs;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The scale generator on a small organization (the same code as the 100,000-person run) in the shared test database,
 * on the schema owner's connection like at start-up, rolled back: the shape it promises, the closure equal to the
 * tree, the calibration sessions' sizes, the same data from the same seed. The app's services can only see committed
 * data, so that test commits and deletes the generated organization again, whatever happens.
 */
@IntegrationTest
class ScaleGeneratorTest {

    private static final LocalDate TODAY = LocalDate.now();
    private static final ScaleSpec SMALL = new ScaleSpec(2_000, 20_000, 100, List.of(20, 60, 200), 7L, TODAY);

    @Autowired
    JdbcTemplate appJdbc;

    @Autowired
    FlywayConnectionDetails owner;

    /** The owner connection's template while a generation is open. */
    private JdbcTemplate jdbc;

    @Autowired
    RunAs runAs;

    @Autowired
    EvidenceReview review;

    @Autowired
    PeopleService people;

    @Autowired
    ApplicationContext context;

    private Connection open() throws SQLException {
        var connection = DriverManager.getConnection(owner.getJdbcUrl(), owner.getUsername(), owner.getPassword());
        connection.setAutoCommit(false);
        jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        return connection;
    }

    private <T> T rolledBack(Function<ScaleGenerator.Result, T> check, ScaleSpec spec) throws SQLException {
        try (var connection = open()) {
            try {
                return check.apply(new ScaleGenerator(connection).generate(spec, "{noop}unused"));
            } finally {
                connection.rollback();
            }
        }
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    @Test
    void theGeneratedOrganizationHasTheShapeItPromisesAndItsClosureIsTheTree() throws SQLException {
        long peopleBefore = appJdbc.queryForObject("select count(*) from person", Long.class);
        rolledBack(
                r -> {
                    long first = r.firstPersonId();
                    long last = r.lastPersonId();
                    assertThat(count("select count(*) from person where id between ? and ?", first, last))
                            .isEqualTo(2_000);
                    assertThat(r.teams()).isGreaterThan(100);
                    // The largest director holds 40 % of the organization, counted by the app's own function.
                    assertThat(count("select count(*) from reporting_line_members(?)", r.directorId()))
                            .isEqualTo(r.directorLine())
                            .isGreaterThanOrEqualTo(790);
                    assertThat(count("select max(depth) from reporting_line where ancestor_id = ?", r.directorId()))
                            .isBetween(4L, 7L);
                    assertThat(count(ClosureCheck.DIFFERENCE)).isZero();
                    // Everyone has a level on the published ladder's levels, read from the database.
                    assertThat(count(
                                    "select count(distinct a.person_id) from level_assignment a join ladder_level l"
                                            + " on l.level_key = a.level_key join ladder_version v"
                                            + " on v.id = l.ladder_version_id and v.ladder_id = a.ladder_id"
                                            + " and v.status = 'PUBLISHED' where a.person_id between ? and ?",
                                    first,
                                    last))
                            .isEqualTo(2_000);
                    assertThat(count("select count(*) from evidence_item where owner_id between ? and ?", first, last))
                            .isEqualTo(20_000)
                            .isEqualTo(r.items());
                    assertThat(count("select count(*) from evidence_item where owner_id = ?", r.engineerId()))
                            .isEqualTo(ScaleSpec.namedEngineerItems(2_000));
                    assertThat(count(
                                    "select count(distinct status) from promotion_case where engineer_id between ? and ?",
                                    first,
                                    last))
                            .isEqualTo(8);
                    assertThat(r.cases()).isEqualTo(100);
                    // Nothing generated happened after today.
                    assertThat(count(
                                    "select count(*) from promotion_case where engineer_id between ? and ?"
                                            + " and (updated_at > now() or created_at > now())",
                                    first,
                                    last))
                            .isZero();
                    assertThat(count(
                                    "select count(*) from evidence_item where owner_id between ? and ?"
                                            + " and (updated_at > now() or occurred_on > current_date)",
                                    first,
                                    last))
                            .isZero();
                    // Each session holds exactly its engineers; its facilitator is never one of them.
                    assertThat(r.sessions())
                            .extracting(ScaleGenerator.Session::engineers)
                            .containsExactly(20, 60, 200);
                    for (var session : r.sessions()) {
                        assertThat(count("select count(*) from calibration_entry where session_id = ?", session.id()))
                                .isEqualTo(session.engineers());
                        assertThat(count(
                                        "select count(*) from calibration_participant where session_id = ?",
                                        session.id()))
                                .isEqualTo(session.participants())
                                .isPositive();
                        assertThat(count(
                                        "select count(*) from calibration_entry e join calibration_session s"
                                                + " on s.id = e.session_id and s.facilitator_person_id = e.person_id"
                                                + " where s.id = ?",
                                        session.id()))
                                .isZero();
                    }
                    assertThat(count("select count(*) from app_user where person_id between ? and ?", first, last))
                            .isEqualTo(2_000);
                    // The sequences moved past the generated ids, so the app keeps inserting.
                    assertThat(count("select nextval('people_seq')")).isGreaterThan(last);
                    assertThat(count("select nextval('evidence_seq')"))
                            .isGreaterThan(count("select max(id) from evidence_item"));
                    return null;
                },
                SMALL);
        assertThat(appJdbc.queryForObject("select count(*) from person", Long.class))
                .isEqualTo(peopleBefore);
    }

    @Test
    void theAppsServicesWorkOnTheGeneratedOrganization() throws SQLException {
        try (var connection = open()) {
            var r = new ScaleGenerator(connection).generate(SMALL, "{noop}unused");
            connection.commit();
            try {
                long waiting = count(
                        "select count(*) from evidence_item where status = 'SUBMITTED'"
                                + " and owner_id in (select person_id from reporting_line_members(?))",
                        r.managerId());
                assertThat(waiting).isPositive();
                runAs.run(ScaleGenerator.MANAGER, () -> {
                    assertThat(review.reviewQueueCount(EvidenceFilter.none())).isEqualTo(waiting);
                    assertThat(review.reviewQueue(EvidenceFilter.none(), PageRequest.of(0, 50)))
                            .hasSize((int) Math.min(50, waiting));
                    assertThat(people.myLineSize().total()).isEqualTo(r.managerLine());
                });
                runAs.run(
                        ScaleGenerator.DIRECTOR,
                        () -> assertThat(people.myLineSize().total()).isEqualTo(r.directorLine()));
                assertThatThrownBy(() -> new ScaleGenerator(connection).generate(SMALL, "{noop}unused"))
                        .hasMessageContaining("already in this database");
                connection.rollback();
            } finally {
                remove(r);
                connection.commit();
            }
        }
        assertThat(appJdbc.queryForObject(
                        "select count(*) from app_user where lower(username) = ?", Long.class, ScaleGenerator.DIRECTOR))
                .isZero();
    }

    /** Deletes a committed generated organization: everything hangs off its people, ids in one range. */
    private void remove(ScaleGenerator.Result r) {
        long first = r.firstPersonId();
        long last = r.lastPersonId();
        jdbc.update("delete from calibration_session where facilitator_person_id between ? and ?", first, last);
        jdbc.update("delete from promotion_case where engineer_id between ? and ?", first, last);
        jdbc.update("delete from evidence_item where owner_id between ? and ?", first, last);
        jdbc.update("delete from level_assignment where person_id between ? and ?", first, last);
        jdbc.update(
                "delete from app_user where person_id between ? and ? or lower(username) = ?",
                first,
                last,
                ScaleGenerator.ADMIN);
        jdbc.update("update team set lead_person_id = null where lead_person_id between ? and ?", first, last);
        jdbc.update("delete from person where id between ? and ?", first, last);
        // The teams' ids follow the people's.
        jdbc.update("delete from team where id between ? and ?", last + 1, last + r.teams());
    }

    @Test
    void theSameSeedGivesTheSameOrganizationAndAnotherSeedAnotherOne() throws SQLException {
        var spec = new ScaleSpec(600, 3_000, 30, List.of(20, 40), 11L, TODAY);
        var first = rolledBack(this::fingerprint, spec);
        var again = rolledBack(this::fingerprint, spec);
        var other = rolledBack(this::fingerprint, new ScaleSpec(600, 3_000, 30, List.of(20, 40), 12L, TODAY));
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void withoutTheScalePropertyThereIsNoGeneratorAtStartUp() {
        assertThat(context.getBeanProvider(ScaleRunner.class).getIfAvailable()).isNull();
    }

    /** A digest of the generated rows with ids taken relative to the first generated person. */
    private String fingerprint(ScaleGenerator.Result r) {
        long base = r.firstPersonId();
        return jdbc.queryForObject(
                """
                select md5(
                  (select string_agg(concat_ws('|', id - ?, full_name, email, manager_id - ?, team_id - ?, start_date,
                                               track_key), ',' order by id) from person where id >= ?)
                  || (select string_agg(concat_ws('|', person_id - ?, level_key, effective_date, reason), ','
                                        order by id) from level_assignment where person_id >= ?)
                  || (select string_agg(concat_ws('|', owner_id - ?, title, occurred_on, status, level_key,
                                                  competency_keys::text, submitted_at), ',' order by id)
                      from evidence_item where owner_id >= ?)
                  || (select string_agg(concat_ws('|', engineer_id - ?, status, target_level_key), ',' order by id)
                      from promotion_case where engineer_id >= ?)
                  || (select string_agg(concat_ws('|', person_id - ?, proposed_rating, case_target_level), ','
                                        order by id) from calibration_entry where person_id >= ?))
                """, String.class, base, base, base, base, base, base, base, base, base, base, base, base);
    }
}
