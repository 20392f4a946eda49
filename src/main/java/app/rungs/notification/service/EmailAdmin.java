package app.rungs.notification.service;

import app.rungs.audit.service.AuditService;
import app.rungs.people.service.PersonDirectory;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The admin's view of the email channel: how the outbox stands, failed messages, retries and a test email. */
@Service
public class EmailAdmin {

    /** The states of an outbox message, as the admin screen counts them. */
    public enum OutboxStatus {
        PENDING,
        SENDING,
        SENT,
        FAILED,
        SKIPPED
    }

    /** The channel's configuration and the outbox's counts per status. */
    public record EmailStatus(boolean configured, String from, String baseUrl, Map<OutboxStatus, Long> counts) {}

    /** One message that gave up, with the last error. */
    public record FailedEmail(
            Long id,
            String recipient,
            String category,
            String subject,
            int attempts,
            String error,
            Instant createdAt) {}

    private final JdbcClient jdbc;
    private final MailChannel channel;
    private final MailTemplates templates;
    private final PersonDirectory directory;
    private final AuditService audit;
    private final Clock clock;

    EmailAdmin(
            DataSource dataSource,
            MailChannel channel,
            MailTemplates templates,
            PersonDirectory directory,
            AuditService audit,
            Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.channel = channel;
        this.templates = templates;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public EmailStatus status() {
        var counts = new EnumMap<OutboxStatus, Long>(OutboxStatus.class);
        for (var s : OutboxStatus.values()) {
            counts.put(s, 0L);
        }
        jdbc.sql("select status, count(*) as n from email_outbox group by status")
                .query(rs -> {
                    counts.put(OutboxStatus.valueOf(rs.getString("status")), rs.getLong("n"));
                });
        return new EmailStatus(channel.enabled(), channel.from().toUnicodeString(), channel.url(""), counts);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public long countFailed() {
        return jdbc.sql("select count(*) from email_outbox where status = 'FAILED'")
                .query(Long.class)
                .single();
    }

    /** One page of failed messages, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public List<FailedEmail> failed(int offset, int limit) {
        record Row(long id, long personId, String category, String subject, int attempts, String error, Instant at) {}
        var rows = jdbc.sql("""
                        select id, person_id, category, subject, attempts, last_error, created_at from email_outbox
                        where status = 'FAILED' order by id desc offset :offset limit :limit""")
                .param("offset", Math.max(0, offset))
                .param("limit", Math.clamp(limit, 0, 200))
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getLong("person_id"),
                        rs.getString("category"),
                        rs.getString("subject"),
                        rs.getInt("attempts"),
                        rs.getString("last_error"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
        var names = directory.cards(rows.stream().map(Row::personId).distinct().toList());
        return rows.stream()
                .map(r -> new FailedEmail(
                        r.id(),
                        names.containsKey(r.personId())
                                ? names.get(r.personId()).fullName()
                                : "—",
                        label(r.category()),
                        r.subject(),
                        r.attempts(),
                        r.error(),
                        r.at()))
                .toList();
    }

    private static String label(String category) {
        try {
            return EmailCategory.valueOf(category).label();
        } catch (IllegalArgumentException e) {
            return category;
        }
    }

    /** Puts a failed message back in the queue for the next dispatcher run, with fresh attempts. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void retry(Long id) {
        int changed = requeue("id = :id", id);
        if (changed == 0) {
            throw new NotFoundException("That email is not failed (any more); nothing to retry.");
        }
        audit.record("EMAIL_RETRIED", "EmailOutbox", id, "Queued failed email " + id + " again", null, null);
    }

    /** Puts every failed message back in the queue. Returns how many. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public int retryAllFailed() {
        int changed = requeue("true", null);
        if (changed > 0) {
            audit.record(
                    "EMAIL_RETRIED", "EmailOutbox", null, "Queued " + changed + " failed emails again", null, null);
        }
        return changed;
    }

    private int requeue(String condition, Long id) {
        var statement = jdbc.sql("update email_outbox set status = 'PENDING', attempts = 0, next_attempt_at = :now"
                        + " where status = 'FAILED' and " + condition)
                .param("now", Timestamp.from(Instant.now(clock)));
        if (id != null) {
            statement = statement.param("id", id);
        }
        return statement.update();
    }

    /**
     * Sends a test email right away (not through the outbox), so the admin sees at once whether the SMTP settings
     * work; the server's refusal comes back as the message.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public void sendTest(String address) {
        if (!channel.enabled()) {
            throw new ValidationException("Email is not configured: set spring.mail.host (see README, \"Email\").");
        }
        InternetAddress to;
        try {
            to = new InternetAddress(address == null ? "" : address.strip(), true);
            if (!to.getAddress().contains("@")) {
                throw new AddressException("no @");
            }
        } catch (AddressException e) {
            throw new ValidationException("Enter one email address, like name@example.com.");
        }
        var mail = templates.test(CurrentUser.actorName());
        try {
            var mime = channel.sender().createMimeMessage();
            var helper = new MimeMessageHelper(mime, true, "UTF-8");
            helper.setFrom(channel.from());
            helper.setTo(to);
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
            channel.sender().send(mime);
        } catch (MailException | jakarta.mail.MessagingException e) {
            throw new ValidationException("The test email could not be sent: " + MailDispatcher.describe(e));
        }
        audit.record("EMAIL_TEST_SENT", "EmailOutbox", null, "Sent a test email to " + to.getAddress(), null, null);
    }
}
