package app.rungs.checkin.service;

import app.rungs.checkin.domain.Side;
import app.rungs.cycle.service.CycleProgressSource;
import app.rungs.cycle.service.CycleRef;
import app.rungs.cycle.service.CycleStep;
import app.rungs.cycle.service.ProgressScope;
import java.sql.Date;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who submitted their side of a check-in in a review cycle: the engineer's ratings are the cycle's self-assessment,
 * the manager's its manager assessment. A check-in belongs to the cycle by its label, or — started without one — by
 * the day it was started falling inside the cycle. One statement over the scope, however many people it holds.
 */
abstract class CheckInCycleProgress implements CycleProgressSource {

    private final JdbcClient jdbc;
    private final Side side;

    CheckInCycleProgress(DataSource dataSource, Side side) {
        this.jdbc = JdbcClient.create(dataSource);
        this.side = side;
    }

    @Override
    public Map<Long, Long> completedCounts(CycleRef cycle, ProgressScope scope) {
        var submitted = side == Side.ENGINEER ? "engineer_submitted_at" : "manager_submitted_at";
        return scope.countAmong(
                jdbc,
                "select engineer_id from check_in where " + submitted + " is not null"
                        + " and (cycle = :label or (cycle is null and created_at >= :opens"
                        + " and created_at < cast(:closes as date) + 1))",
                statement -> statement
                        .param("label", cycle.label())
                        .param("opens", Date.valueOf(cycle.opensOn()))
                        .param("closes", Date.valueOf(cycle.closesOn())));
    }

    /** The engineer's submitted ratings. */
    @org.springframework.stereotype.Component
    static class SelfAssessment extends CheckInCycleProgress {
        SelfAssessment(DataSource dataSource) {
            super(dataSource, Side.ENGINEER);
        }

        @Override
        public CycleStep step() {
            return CycleStep.SELF_ASSESSMENT;
        }
    }

    /** The manager's submitted ratings. */
    @org.springframework.stereotype.Component
    static class ManagerAssessment extends CheckInCycleProgress {
        ManagerAssessment(DataSource dataSource) {
            super(dataSource, Side.MANAGER);
        }

        @Override
        public CycleStep step() {
            return CycleStep.MANAGER_ASSESSMENT;
        }
    }
}
