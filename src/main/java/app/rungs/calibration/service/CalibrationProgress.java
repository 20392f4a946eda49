package app.rungs.calibration.service;

import app.rungs.cycle.service.CycleProgressSource;
import app.rungs.cycle.service.CycleRef;
import app.rungs.cycle.service.CycleStep;
import app.rungs.cycle.service.ProgressScope;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The calibration step of a review cycle: an engineer counts once they are an entry of a session of the cycle that
 * was locked or published (ratings decided). One statement over the scope.
 */
@Component
class CalibrationProgress implements CycleProgressSource {

    private final JdbcClient jdbc;

    CalibrationProgress(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public CycleStep step() {
        return CycleStep.CALIBRATION;
    }

    @Override
    public Map<Long, Long> completedCounts(CycleRef cycle, ProgressScope scope) {
        return scope.countAmong(
                jdbc,
                "select e.person_id from calibration_entry e join calibration_session cs on cs.id = e.session_id"
                        + " where lower(cs.cycle) = lower(:label) and cs.status in ('LOCKED', 'PUBLISHED')",
                statement -> statement.param("label", cycle.label()));
    }
}
