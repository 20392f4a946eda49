package app.rungs.promotion.service;

import app.rungs.cycle.service.CycleProgressSource;
import app.rungs.cycle.service.CycleRef;
import app.rungs.cycle.service.CycleStep;
import app.rungs.cycle.service.ProgressScope;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The nominations step of a review cycle: an engineer counts once a case of the cycle exists that was not withdrawn
 * or declined. One statement over the scope.
 */
@Component
class NominationProgress implements CycleProgressSource {

    private final JdbcClient jdbc;

    NominationProgress(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public CycleStep step() {
        return CycleStep.NOMINATION;
    }

    @Override
    public Map<Long, Long> completedCounts(CycleRef cycle, ProgressScope scope) {
        return scope.countAmong(
                jdbc,
                "select pc.engineer_id from promotion_case pc"
                        + " where lower(pc.cycle) = lower(:label) and pc.status not in ('WITHDRAWN', 'DECLINED')",
                statement -> statement.param("label", cycle.label()));
    }
}
