package app.rungs.people;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.support.BigOrg;
import app.rungs.support.ClosureCheck;
import app.rungs.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reporting_line closure (V34) always equals the tree that person.manager_id describes: after people join, after
 * a whole subtree moves to another manager (also through a state where two managers would report to each other), after
 * someone loses their manager and after people are deleted. Each case runs in a transaction that is rolled back.
 */
@IntegrationTest
class ReportingLineClosureTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager tx;

    private void inRolledBackTransaction(Runnable work) {
        new TransactionTemplate(tx).executeWithoutResult(status -> {
            status.setRollbackOnly();
            work.run();
        });
    }

    private long difference() {
        return jdbc.queryForObject(ClosureCheck.DIFFERENCE, Long.class);
    }

    private long root() {
        return jdbc.queryForObject(
                "select id from person where manager_id is null and active order by id limit 1", Long.class);
    }

    private long lineSize(long manager) {
        return jdbc.queryForObject("select count(*) from reporting_line where ancestor_id = ?", Long.class, manager);
    }

    @Test
    void theClosureMatchesTheTreeAfterPeopleJoin() {
        inRolledBackTransaction(() -> {
            assertThat(difference()).isZero();
            long root = root();
            long before = lineSize(root);
            var generated = BigOrg.grow(jdbc, root, new int[] {3, 3, 4}, 0, 1L);
            assertThat(lineSize(root)).isEqualTo(before + generated.people());
            assertThat(difference()).isZero();
        });
    }

    @Test
    void aWholeSubtreeMovesWithItsManager() {
        inRolledBackTransaction(() -> {
            long root = root();
            BigOrg.grow(jdbc, root, new int[] {2, 3, 4}, 0, 2L);
            // The first generated manager (with 3 + 12 people below) moves under the second one's first report, who has
            // 4 reports of their own.
            long moved = BigOrg.FIRST_ID;
            long target = jdbc.queryForObject(
                    "select min(id) from person where manager_id = ?", Long.class, BigOrg.FIRST_ID + 1);
            jdbc.update("update person set manager_id = ? where id = ?", target, moved);
            assertThat(jdbc.queryForObject(
                            "select count(*) from reporting_line where ancestor_id = ?", Long.class, target))
                    .isEqualTo(4 + 1 + 15);
            assertThat(jdbc.queryForObject("select in_reporting_line(?, ?)", Boolean.class, BigOrg.FIRST_ID + 1, moved))
                    .isTrue();
            assertThat(difference()).isZero();
        });
    }

    @Test
    void twoManagersSwappingPlacesPassThroughACycleAndEndRight() {
        inRolledBackTransaction(() -> {
            long root = root();
            BigOrg.grow(jdbc, root, new int[] {1, 1, 3}, 0, 3L);
            long upper = BigOrg.FIRST_ID;
            long lower = BigOrg.FIRST_ID + 1;
            // An import applies its rows one at a time: for a moment upper and lower report to each other.
            jdbc.update("update person set manager_id = ? where id = ?", lower, upper);
            jdbc.update("update person set manager_id = ? where id = ?", root, lower);
            assertThat(jdbc.queryForObject("select in_reporting_line(?, ?)", Boolean.class, lower, upper))
                    .isTrue();
            assertThat(jdbc.queryForObject("select in_reporting_line(?, ?)", Boolean.class, upper, lower))
                    .isFalse();
            assertThat(difference()).isZero();
        });
    }

    @Test
    void someoneWhoLosesTheirManagerLeavesTheLinesAboveAndPeopleWhoAreDeletedLeaveEveryLine() {
        inRolledBackTransaction(() -> {
            long root = root();
            BigOrg.grow(jdbc, root, new int[] {2, 2}, 0, 4L);
            long manager = BigOrg.FIRST_ID;
            jdbc.update("update person set manager_id = null where id = ?", manager);
            assertThat(jdbc.queryForObject("select in_reporting_line(?, ?)", Boolean.class, root, manager))
                    .isFalse();
            assertThat(lineSize(manager)).isEqualTo(2);
            var leaves = jdbc.queryForList("select id from person where manager_id = ?", Long.class, manager);
            jdbc.update("delete from level_assignment where person_id = ?", leaves.getFirst());
            jdbc.update("delete from person where id = ?", leaves.getFirst());
            assertThat(lineSize(manager)).isEqualTo(1);
            assertThat(difference()).isZero();
        });
    }
}
