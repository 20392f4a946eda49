package app.rungs.reminder.service;

import app.rungs.security.service.SystemAuthentication;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sends due reminders on a schedule: {@code rungs.reminders.cron} (Spring cron, default every five minutes; "-"
 * switches it off). Runs with the system identity; every instance may run it.
 */
@Configuration
@EnableScheduling
class ReminderJob {

    private final ReminderScheduler reminders;

    ReminderJob(ReminderScheduler reminders) {
        this.reminders = reminders;
    }

    @Scheduled(cron = "${rungs.reminders.cron:0 */5 * * * *}")
    void sendDue() {
        SystemAuthentication.call(reminders::sendDue);
    }
}
