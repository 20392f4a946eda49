package app.rungs.feedback.service;

import app.rungs.cycle.service.CycleProgressSource;
import app.rungs.cycle.service.CycleRef;
import app.rungs.cycle.service.CycleStep;
import app.rungs.cycle.service.ProgressScope;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The peer-feedback step of a review cycle: someone completed it when feedback about them in the cycle (requests
 * labelled with it, or unlabelled ones made within its dates) has at least one answer and no peer is still expected
 * to answer before a deadline that has not passed. One statement over the scope.
 */
@Component
class PeerFeedbackProgress implements CycleProgressSource {

    private final JdbcClient jdbc;
    private final Clock clock;

    PeerFeedbackProgress(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
    }

    @Override
    public CycleStep step() {
        return CycleStep.PEER_FEEDBACK;
    }

    @Override
    public Map<Long, Long> completedCounts(CycleRef cycle, ProgressScope scope) {
        var zone = ZoneId.systemDefault();
        return scope.countAmong(
                jdbc,
                """
                select r.subject_id
                from feedback_request r
                join feedback_ask a on a.request_id = r.id
                where r.cycle = :label or (r.cycle is null and r.created_at >= :opens and r.created_at < :closes)
                group by r.subject_id
                having count(*) filter (where a.status = 'ANSWERED') > 0
                    and count(*) filter (where a.status = 'PENDING' and r.deadline > :now) = 0""",
                statement -> statement
                        .param("label", cycle.label())
                        .param(
                                "opens",
                                Timestamp.from(
                                        cycle.opensOn().atStartOfDay(zone).toInstant()))
                        .param(
                                "closes",
                                Timestamp.from(cycle.closesOn()
                                        .plusDays(1)
                                        .atStartOfDay(zone)
                                        .toInstant()))
                        .param("now", Timestamp.from(Instant.now(clock))));
    }
}
