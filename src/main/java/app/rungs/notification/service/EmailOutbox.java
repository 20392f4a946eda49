package app.rungs.notification.service;

import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the emails a notification should become into the outbox, in the transaction of the action that caused it:
 * the email exists exactly when the action committed, and sending (by {@link MailDispatcher}) can neither block nor
 * undo the action.
 *
 * <p>Nothing is written while email is off, for people who switched the category off, or during start-up: seeding
 * the demo organization replays months of history whose emails nobody should get.
 */
@Component
class EmailOutbox {

    private final JdbcClient jdbc;
    private final MailChannel channel;
    private final EmailPreferences preferences;
    private volatile boolean started;

    EmailOutbox(DataSource dataSource, MailChannel channel, EmailPreferences preferences) {
        this.jdbc = JdbcClient.create(dataSource);
        this.channel = channel;
        this.preferences = preferences;
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        started = true;
    }

    /** Queues one email to a person; returns whether one was queued. Joins the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean enqueue(
            Long personId,
            EmailCategory category,
            String subject,
            String body,
            String link,
            Instant dueAt,
            Instant now) {
        if (!channel.enabled() || !started || category == null || !preferences.wants(personId, category)) {
            return false;
        }
        jdbc.sql("""
                        insert into email_outbox (person_id, category, subject, body, link, due_at, created_at,
                            next_attempt_at)
                        values (:person, :category, :subject, :body, :link, :due, :now, :now)""")
                .param("person", personId)
                .param("category", category.name())
                .param("subject", subject)
                .param("body", body)
                .param("link", link)
                .param("due", dueAt == null ? null : Timestamp.from(dueAt))
                .param("now", Timestamp.from(now))
                .update();
        return true;
    }
}
