package app.rungs.privacy.service;

import app.rungs.security.service.SystemAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Applies the retention policies on a schedule: {@code rungs.retention.cron} (Spring cron, default nightly at 02:30;
 * "-" switches the schedule off). Runs with the system identity, so the run is audited as "system".
 */
@Configuration
@EnableScheduling
class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final RetentionService retention;

    RetentionJob(RetentionService retention) {
        this.retention = retention;
    }

    @Scheduled(cron = "${rungs.retention.cron:0 30 2 * * *}")
    void nightly() {
        var run = SystemAuthentication.call(retention::run);
        log.info(
                "Retention run finished: {}",
                run.results().stream()
                        .map(r -> r.kind() + "=" + r.affected() + (r.flagged() ? " (flagged)" : ""))
                        .toList());
    }
}
