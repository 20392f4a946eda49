package app.rungs.audit.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Verifies the audit chain on a schedule ({@code rungs.audit.chain-check.cron}, daily by default) and once after
 * start-up, in the background so start-up does not wait for it.
 */
@Configuration
@EnableScheduling
class AuditChainMonitor {

    private static final Logger log = LoggerFactory.getLogger(AuditChainMonitor.class);

    private final AuditChainService chain;
    private final boolean onStartup;

    AuditChainMonitor(AuditChainService chain, @Value("${rungs.audit.chain-check.on-startup:true}") boolean onStartup) {
        this.chain = chain;
        this.onStartup = onStartup;
    }

    @Scheduled(cron = "${rungs.audit.chain-check.cron:0 30 3 * * *}")
    void scheduled() {
        run(ChainCheckKind.SCHEDULED);
    }

    @EventListener(ApplicationReadyEvent.class)
    void afterStartup() {
        if (onStartup) {
            Thread.ofVirtual().name("audit-chain-startup-check").start(() -> run(ChainCheckKind.STARTUP));
        }
    }

    ChainReport run(ChainCheckKind kind) {
        try {
            return chain.check(kind, "system");
        } catch (RuntimeException e) {
            log.error("Audit chain check ({}) could not run", kind, e);
            return null;
        }
    }
}
