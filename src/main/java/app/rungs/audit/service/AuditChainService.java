package app.rungs.audit.service;

import java.sql.Timestamp;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verifies the audit hash chain (docs/decisions/0009-audit-hash-chain.md), records every result in
 * {@code audit_chain_check}, logs it, and announces a broken chain as {@link AuditChainBroken}.
 */
@Service
public class AuditChainService {

    private static final Logger log = LoggerFactory.getLogger(AuditChainService.class);

    private final AuditChainVerifier verifier;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final ApplicationEventPublisher events;

    AuditChainService(
            AuditChainVerifier verifier,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            ApplicationEventPublisher events) {
        this.verifier = verifier;
        this.jdbc = jdbc;
        // One snapshot for the chain head and all rows; joins a caller's transaction when there is one.
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.events = events;
    }

    /** The "Verify audit chain" action of the audit log. */
    @PreAuthorize("hasRole('ADMIN')")
    public ChainReport verifyNow() {
        return check(ChainCheckKind.MANUAL, actor());
    }

    /** The result of the latest verification, if any. */
    @PreAuthorize("hasRole('ADMIN')")
    public Optional<ChainCheckSummary> lastCheck() {
        return jdbc
                .query(
                        """
                        select checked_at, trigger_kind, checked_by, intact, events, detail
                          from audit_chain_check order by checked_at desc, id desc limit 1""",
                        (rs, n) -> new ChainCheckSummary(
                                rs.getTimestamp(1).toInstant(),
                                ChainCheckKind.valueOf(rs.getString(2)),
                                rs.getString(3),
                                rs.getBoolean(4),
                                rs.getLong(5),
                                rs.getString(6)))
                .stream()
                .findFirst();
    }

    /** Scheduled and start-up checks; not exposed to users, so not behind a role. */
    ChainReport check(ChainCheckKind kind, String checkedBy) {
        return snapshot.execute(status -> {
            var report = verifier.verify(anchor());
            record(kind, checkedBy, report);
            if (report.intact()) {
                log.info(
                        "Audit chain verified ({}): {}; head position {} hash {}; {} ms",
                        kind,
                        report.message(),
                        report.headSeq(),
                        report.headHash(),
                        report.durationMillis());
            } else {
                log.error("AUDIT CHAIN BROKEN ({}): {}", kind, report.message());
                events.publishEvent(new AuditChainBroken(kind, report));
            }
            return report;
        });
    }

    private AuditChainVerifier.Anchor anchor() {
        return jdbc
                .query(
                        """
                        select head_seq, head_hash, checked_at from audit_chain_check
                         where intact and head_seq is not null order by checked_at desc, id desc limit 1""",
                        (rs, n) -> new AuditChainVerifier.Anchor(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getTimestamp(3).toInstant()))
                .stream()
                .findFirst()
                .orElse(null);
    }

    private void record(ChainCheckKind kind, String checkedBy, ChainReport report) {
        var b = report.firstBreak();
        var detail = report.message();
        jdbc.update(
                """
                insert into audit_chain_check (id, checked_at, trigger_kind, checked_by, intact, events,
                    redacted_events, head_seq, head_hash, broken_event_id, broken_seq, problem, detail, duration_ms)
                values (nextval('audit_chain_check_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                Timestamp.from(report.checkedAt()),
                kind.name(),
                checkedBy,
                report.intact(),
                report.events(),
                report.redactedEvents(),
                report.intact() ? report.headSeq() : null,
                report.intact() ? report.headHash() : null,
                b == null ? null : b.eventId(),
                b == null ? null : b.chainSeq(),
                b == null ? null : b.problem().name(),
                detail.length() <= 1000 ? detail : detail.substring(0, 999) + "…",
                report.durationMillis());
    }

    private static String actor() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }
}
