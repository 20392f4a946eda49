package app.rungs.audit.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Walks the audit chain in chain order and finds its first broken link. Recomputes every hash in Java from the
 * stored columns (independently of the database functions that wrote them), so it checks what an external script
 * following docs/decisions/0009-audit-hash-chain.md would check. Runs inside the caller's (repeatable-read)
 * transaction, so the chain head and the rows are one snapshot.
 */
@Component
class AuditChainVerifier {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AuditChainVerifier(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(2000);
        this.clock = clock;
    }

    record Anchor(long seq, String hash, Instant checkedAt) {}

    ChainReport verify(Anchor anchor) {
        long started = System.nanoTime();
        var checkedAt = Instant.now(clock);
        var head = jdbc.query(
                "select last_seq, last_hash from audit_chain_head where id = 1",
                rs -> rs.next() ? new Head(rs.getLong(1), rs.getString(2)) : null);
        Set<Long> erasures = new HashSet<>(
                jdbc.queryForList("select id from audit_event where action = 'PERSON_ERASED'", Long.class));
        var walk = new Walk(head, anchor, erasures);
        jdbc.query("""
                select id, chain_seq, prev_hash, row_hash, personal_data_hash, occurred_at, actor, action,
                       object_type, object_id, summary, before_state::text, after_state::text,
                       redacted, redaction_event_id
                  from audit_event
                 order by chain_seq, id""", walk::row);
        walk.finish();
        return new ChainReport(
                checkedAt,
                walk.count,
                walk.redacted,
                head == null ? null : head.seq,
                head == null ? null : head.hash,
                walk.firstBreak,
                (System.nanoTime() - started) / 1_000_000);
    }

    private record Head(long seq, String hash) {}

    private static final class Walk {
        final Head head;
        final Anchor anchor;
        final Set<Long> erasures;
        long expectedSeq = 1;
        String prevHash = AuditChainHash.GENESIS;
        Long lastId;
        Instant lastTime;
        long count;
        long redacted;
        ChainBreak firstBreak;

        Walk(Head head, Anchor anchor, Set<Long> erasures) {
            this.head = head;
            this.anchor = anchor;
            this.erasures = erasures;
        }

        void row(ResultSet rs) throws SQLException {
            if (firstBreak != null) {
                return;
            }
            long id = rs.getLong("id");
            long seq = rs.getLong("chain_seq");
            var time = rs.getObject("occurred_at", OffsetDateTime.class).toInstant();
            var storedPrev = rs.getString("prev_hash");
            var storedRow = rs.getString("row_hash");
            var storedPersonal = rs.getString("personal_data_hash");
            boolean isRedacted = rs.getBoolean("redacted");
            if (seq < expectedSeq) {
                fail(id, seq, time, ChainProblem.ORDER_BROKEN, "chain position " + seq + " is taken twice");
                return;
            }
            if (seq > expectedSeq) {
                fail(
                        id,
                        seq,
                        time,
                        ChainProblem.ROW_MISSING,
                        (seq - expectedSeq == 1
                                        ? "the event at chain position " + expectedSeq + " is"
                                        : "the events at chain positions " + expectedSeq + "–" + (seq - 1) + " are")
                                + " missing before this one");
                return;
            }
            if (head != null && seq > head.seq) {
                fail(id, seq, time, ChainProblem.ORDER_BROKEN, "written past the chain head, not through the chain");
                return;
            }
            if (!prevHash.equals(storedPrev)) {
                fail(
                        id,
                        seq,
                        time,
                        ChainProblem.ORDER_BROKEN,
                        "it does not link to the event before it in the chain (previous hash differs)");
                return;
            }
            if (isRedacted) {
                long by = rs.getLong("redaction_event_id");
                if (rs.wasNull() || !erasures.contains(by)) {
                    fail(id, seq, time, ChainProblem.CONTENT_CHANGED, "marked redacted without a PERSON_ERASED event");
                    return;
                }
                redacted++;
            } else {
                var personal = AuditChainHash.personalDataHash(
                        rs.getString("actor"), rs.getString("summary"), rs.getString(12), rs.getString(13));
                if (!personal.equals(storedPersonal)) {
                    fail(
                            id,
                            seq,
                            time,
                            ChainProblem.CONTENT_CHANGED,
                            "who, summary or before/after state differ from what was recorded");
                    return;
                }
            }
            var rowHash = AuditChainHash.rowHash(
                    seq,
                    storedPrev,
                    id,
                    time,
                    rs.getString("action"),
                    rs.getString("object_type"),
                    rs.getString("object_id"),
                    storedPersonal);
            if (!rowHash.equals(storedRow)) {
                fail(
                        id,
                        seq,
                        time,
                        ChainProblem.CONTENT_CHANGED,
                        "time, action, object or hashes differ from what was recorded");
                return;
            }
            if (anchor != null && seq == anchor.seq() && !rowHash.equals(anchor.hash())) {
                fail(
                        id,
                        seq,
                        time,
                        ChainProblem.CHAIN_REWRITTEN,
                        "its hash differs from the one verified on " + anchor.checkedAt());
                return;
            }
            prevHash = rowHash;
            expectedSeq++;
            lastId = id;
            lastTime = time;
            count++;
        }

        void finish() {
            if (firstBreak != null) {
                return;
            }
            if (head == null) {
                fail(lastId, null, lastTime, ChainProblem.ROW_MISSING, "the chain head record is missing");
            } else if (count < head.seq) {
                fail(
                        lastId,
                        count == 0 ? null : count,
                        lastTime,
                        ChainProblem.ROW_MISSING,
                        "the chain head is at position " + head.seq + " but the last event found is at " + count);
            } else if (!prevHash.equals(head.hash)) {
                fail(
                        lastId,
                        count,
                        lastTime,
                        ChainProblem.ORDER_BROKEN,
                        "the last event's hash differs from the chain head's");
            } else if (anchor != null && anchor.seq() > count) {
                fail(
                        lastId,
                        count,
                        lastTime,
                        ChainProblem.ROW_MISSING,
                        "an earlier check (" + anchor.checkedAt() + ") verified " + anchor.seq() + " events");
            }
        }

        private void fail(Long id, Long seq, Instant time, ChainProblem problem, String detail) {
            firstBreak = new ChainBreak(id, seq, time, problem, detail);
        }
    }
}
