package app.rungs.notification.service;

import app.rungs.security.service.SystemAuthentication;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the outbox dispatcher on a schedule: {@code rungs.mail.dispatch-cron} (Spring cron, default every 15 seconds;
 * "-" switches it off). Every instance may run it; the claim in {@link MailDispatcher} keeps them apart.
 */
@Configuration
@EnableScheduling
class MailDispatchJob {

    private final MailChannel channel;
    private final MailDispatcher dispatcher;

    MailDispatchJob(MailChannel channel, MailDispatcher dispatcher) {
        this.channel = channel;
        this.dispatcher = dispatcher;
    }

    @Scheduled(cron = "${rungs.mail.dispatch-cron:*/15 * * * * *}")
    void dispatch() {
        if (channel.enabled()) {
            SystemAuthentication.call(dispatcher::dispatchDue);
        }
    }
}
