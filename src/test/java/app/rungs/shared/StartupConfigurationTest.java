package app.rungs.shared;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * What the start-up settings (docs/decisions/0028-startup.md) change, and what they must leave alone: Hibernate boots
 * in the background, and deferring work never drops a job that only exists if its bean is created at start-up.
 */
@IntegrationTest
class StartupConfigurationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    ScheduledTaskHolder scheduler;

    @Test
    void theEntityManagerFactoryIsBuiltOnABackgroundThreadWhileTheContextStarts() {
        var factory = context.getBean("&entityManagerFactory", LocalContainerEntityManagerFactoryBean.class);

        assertThat(factory.getBootstrapExecutor()).isNotNull();
    }

    @Test
    void theScheduledJobsAreRegisteredAtStartUpEvenThoughNothingUsesTheirBeans() {
        // Lazy initialization would leave these beans uncreated, and @Scheduled methods of an uncreated bean never run.
        var tasks = scheduler.getScheduledTasks().stream()
                .map(task -> String.valueOf(task.getTask()))
                .toList();

        assertThat(tasks)
                .anyMatch(task -> task.contains("app.rungs.audit.service.AuditChainMonitor"))
                .anyMatch(task -> task.contains("app.rungs.privacy.service.RetentionJob"))
                .anyMatch(task -> task.contains("app.rungs.shared.live.LiveEventsProbe"));
    }
}
