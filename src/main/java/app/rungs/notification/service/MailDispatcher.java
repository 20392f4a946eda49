package app.rungs.notification.service;

import app.rungs.people.service.EmailAddresses;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds. Safe with several instances on one database: a batch is claimed in one statement
 * ({@code FOR UPDATE SKIP LOCKED}, status SENDING), so each message belongs to exactly one dispatcher, and the SMTP
 * conversation happens after the claim committed, holding no lock or connection. A failure is retried with a
 * doubling delay up to {@code rungs.mail.max-attempts}, then the message is FAILED with the error for an admin.
 *
 * <p>Never twice: a message is sent only by the dispatcher that claimed it. One left SENDING by an instance that
 * stopped mid-send may or may not have arrived, so it is not resent by itself but marked FAILED for an admin to
 * retry.
 */
@Service
public class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    private static final int MAX_ERROR = 1000;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final MailChannel channel;
    private final MailTemplates templates;
    private final EmailPreferences preferences;
    private final EmailAddresses addresses;
    private final Clock clock;
    private final Duration claimTimeout;
    private final Duration keepSent;

    MailDispatcher(
            DataSource dataSource,
            PlatformTransactionManager transactions,
            MailChannel channel,
            MailTemplates templates,
            EmailPreferences preferences,
            EmailAddresses addresses,
            Clock clock,
            @Value("${rungs.mail.claim-timeout:10m}") Duration claimTimeout,
            @Value("${rungs.mail.keep-sent:30d}") Duration keepSent) {
        this.jdbc = JdbcClient.create(dataSource);
        this.tx = new TransactionTemplate(transactions);
        this.channel = channel;
        this.templates = templates;
        this.preferences = preferences;
        this.addresses = addresses;
        this.clock = clock;
        this.claimTimeout = claimTimeout;
        this.keepSent = keepSent;
    }

    /** What one run did. */
    public record DispatchResult(int sent, int retrying, int failed, int skipped) {
        public int handled() {
            return sent + retrying + failed + skipped;
        }
    }

    private record Claimed(
            long id,
            long personId,
            EmailCategory category,
            String subject,
            String body,
            String link,
            Instant dueAt,
            Instant createdAt,
            int attempts) {}

    /** Sends one batch of due messages; nothing while email is off. */
    @PreAuthorize("hasRole('ADMIN')")
    public DispatchResult dispatchDue() {
        if (!channel.enabled()) {
            return new DispatchResult(0, 0, 0, 0);
        }
        var now = Instant.now(clock);
        tx.executeWithoutResult(s -> housekeeping(now));
        var batch = tx.execute(s -> claim(now));
        if (batch == null || batch.isEmpty()) {
            return new DispatchResult(0, 0, 0, 0);
        }
        var recipients = addresses.deliverable(
                batch.stream().map(Claimed::personId).distinct().toList());
        int sent = 0, retrying = 0, failed = 0, skipped = 0;
        for (var message : batch) {
            var recipient = recipients.get(message.personId());
            if (recipient == null) {
                finish(message.id(), "SKIPPED", null, "No address to send to: the person was deactivated or erased.");
                skipped++;
                continue;
            }
            try {
                send(message, recipient);
                finish(message.id(), "SENT", Instant.now(clock), null);
                sent++;
            } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
                if (retry(message, e)) {
                    retrying++;
                } else {
                    failed++;
                }
            }
        }
        return new DispatchResult(sent, retrying, failed, skipped);
    }

    private void housekeeping(Instant now) {
        // Claimed by an instance that stopped before recording the result: it may have arrived, so not resent.
        jdbc.sql("""
                        update email_outbox set status = 'FAILED', claimed_at = null, last_error = :error
                        where status = 'SENDING' and claimed_at < :stale""")
                .param(
                        "error",
                        "Interrupted while sending (an instance stopped); it may or may not have"
                                + " arrived. Retry to send it again.")
                .param("stale", Timestamp.from(now.minus(claimTimeout)))
                .update();
        jdbc.sql("""
                        delete from email_outbox where id in (select id from email_outbox
                            where status in ('SENT', 'SKIPPED') and created_at < :before order by id limit 1000)""").param("before", Timestamp.from(now.minus(keepSent))).update();
    }

    private List<Claimed> claim(Instant now) {
        return jdbc.sql("""
                        update email_outbox set status = 'SENDING', claimed_at = :now
                        where id in (select id from email_outbox
                            where status = 'PENDING' and next_attempt_at <= :now
                            order by next_attempt_at, id limit :limit for update skip locked)
                        returning id, person_id, category, subject, body, link, due_at, created_at, attempts""")
                .param("now", Timestamp.from(now))
                .param("limit", channel.batchSize())
                .query((rs, n) -> new Claimed(
                        rs.getLong("id"),
                        rs.getLong("person_id"),
                        category(rs.getString("category")),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getString("link"),
                        rs.getTimestamp("due_at") == null
                                ? null
                                : rs.getTimestamp("due_at").toInstant(),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getInt("attempts")))
                .list();
    }

    private static EmailCategory category(String name) {
        try {
            return EmailCategory.valueOf(name);
        } catch (IllegalArgumentException retired) {
            return EmailCategory.ADMIN_ALERTS;
        }
    }

    private void send(Claimed message, EmailAddresses.Recipient recipient)
            throws MessagingException, UnsupportedEncodingException {
        var mail = templates.notification(
                new MailTemplates.Message(
                        recipient.fullName(),
                        message.category(),
                        message.subject(),
                        message.body(),
                        message.link(),
                        message.dueAt(),
                        message.createdAt()),
                preferences.formatOf(message.personId()));
        var mime = channel.sender().createMimeMessage();
        var helper = new MimeMessageHelper(mime, true, "UTF-8");
        helper.setFrom(channel.from());
        helper.setTo(new InternetAddress(recipient.email(), recipient.fullName(), "UTF-8"));
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), mail.html());
        // Lets a mail system (and an admin reading headers) tie a delivered email to its outbox row.
        mime.setHeader("X-Rungs-Outbox-Id", String.valueOf(message.id()));
        channel.sender().send(mime);
    }

    private void finish(long id, String status, Instant sentAt, String note) {
        tx.executeWithoutResult(s -> jdbc.sql("""
                        update email_outbox set status = :status, sent_at = :sent, claimed_at = null,
                            attempts = attempts + 1, last_error = :note
                        where id = :id and status = 'SENDING'""")
                .param("status", status)
                .param("sent", sentAt == null ? null : Timestamp.from(sentAt))
                .param("note", note)
                .param("id", id)
                .update());
    }

    /** Records a failed attempt; returns whether the message will be tried again. */
    private boolean retry(Claimed message, Exception e) {
        int attempts = message.attempts() + 1;
        boolean again = attempts < channel.maxAttempts();
        var error = describe(e);
        log.warn("Email {} attempt {} failed: {}", message.id(), attempts, error);
        tx.executeWithoutResult(s -> jdbc.sql("""
                        update email_outbox set status = :status, claimed_at = null, attempts = :attempts,
                            next_attempt_at = :next, last_error = :error
                        where id = :id and status = 'SENDING'""")
                .param("status", again ? "PENDING" : "FAILED")
                .param("attempts", attempts)
                .param("next", Timestamp.from(Instant.now(clock).plus(channel.backoff(attempts))))
                .param("error", error)
                .param("id", message.id())
                .update());
        return again;
    }

    /** The failure in one line: what failed, and the root cause an admin can act on (refused, auth, unknown host). */
    static String describe(Throwable e) {
        var root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        var text = e.getClass().getSimpleName()
                + (root == e ? "" : " ← " + root.getClass().getSimpleName())
                + (root.getMessage() == null ? "" : ": " + root.getMessage().strip());
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR - 1) + "…";
    }
}
