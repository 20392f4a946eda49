package app.rungs.reminder.service;

import app.rungs.people.service.PersonDirectory;
import app.rungs.shared.service.ValidationException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deadline reminders for anything with a due date. A feature calls {@link #schedule} when a deadline is set or moved
 * (in its own transaction) and {@link #complete} when the thing is done; {@link #sendDue} (run by {@link ReminderJob})
 * sends each reminder at most once: a due-soon one before the deadline, an overdue one after it, none after
 * completion. Sending publishes {@link ReminderDue}, which the notification feature delivers in the app and by email.
 */
@Service
public class ReminderScheduler {

    private static final Pattern SUBJECT_TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    private static final int MAX_TITLE = 200;
    private static final int MAX_LINK = 500;
    private static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final PersonDirectory people;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReminderScheduler(DataSource dataSource, PersonDirectory people, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.people = people;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Sets (or moves) the deadline of one thing for one person. A moved deadline re-arms both reminders; the same
     * deadline again changes nothing, so reminders already sent are not sent again. A completed thing scheduled
     * again is open again.
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void schedule(ReminderRequest request) {
        validate(request);
        var now = Instant.now(clock);
        upsert(request, ReminderKind.DUE_SOON, request.dueAt().minus(request.dueSoonLead()), now);
        upsert(request, ReminderKind.OVERDUE, request.dueAt(), now);
    }

    private void upsert(ReminderRequest r, ReminderKind kind, Instant fireAt, Instant now) {
        jdbc.sql("""
                        insert into reminder (subject_type, subject_id, recipient_id, kind, title, link, due_at,
                            fire_at, created_at)
                        values (:type, :subject, :recipient, :kind, :title, :link, :due, :fire, :now)
                        on conflict (subject_type, subject_id, recipient_id, kind) do update set
                            title = excluded.title, link = excluded.link, fire_at = excluded.fire_at,
                            cancelled_at = null,
                            sent_at = case when reminder.due_at = excluded.due_at then reminder.sent_at end,
                            due_at = excluded.due_at""")
                .param("type", r.subjectType())
                .param("subject", r.subjectId())
                .param("recipient", r.recipientId())
                .param("kind", kind.name())
                .param("title", r.title().strip())
                .param("link", r.link())
                .param("due", Timestamp.from(r.dueAt()))
                .param("fire", Timestamp.from(fireAt))
                .param("now", Timestamp.from(now))
                .update();
    }

    private void validate(ReminderRequest r) {
        if (r == null
                || r.subjectType() == null
                || !SUBJECT_TYPE.matcher(r.subjectType()).matches()) {
            throw new ValidationException("A reminder needs a subject type in capitals, like SELF_ASSESSMENT.");
        }
        if (r.subjectId() == null || r.recipientId() == null || r.dueAt() == null) {
            throw new ValidationException("A reminder needs the thing, the person to remind and the deadline.");
        }
        if (r.title() == null || r.title().isBlank() || r.title().strip().length() > MAX_TITLE) {
            throw new ValidationException("A reminder needs a title of at most " + MAX_TITLE + " characters.");
        }
        if (r.link() != null && !isInAppRoute(r.link())) {
            throw new ValidationException("Reminder links point inside Rungs, like promotions/42.");
        }
        if (r.dueSoonLead() == null || r.dueSoonLead().isNegative()) {
            throw new ValidationException("Say how long before the deadline to remind, zero or more.");
        }
        if (people.card(r.recipientId()).isEmpty()) {
            throw new ValidationException("The person to remind does not exist.");
        }
    }

    private static boolean isInAppRoute(String link) {
        return link.length() <= MAX_LINK
                && !link.isBlank()
                && !link.contains("//")
                && !link.contains(":")
                && !link.startsWith("/")
                && link.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
    }

    /** The thing is done: no reminder of it is sent to anyone any more. Returns how many were cancelled. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public int complete(String subjectType, Long subjectId) {
        return jdbc.sql("""
                        update reminder set cancelled_at = :now
                        where subject_type = :type and subject_id = :subject and sent_at is null
                            and cancelled_at is null""")
                .param("now", Timestamp.from(Instant.now(clock)))
                .param("type", subjectType)
                .param("subject", subjectId)
                .update();
    }

    /** One person's part is done (e.g. their self-assessment of a shared cycle): no more reminders to them. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public int complete(String subjectType, Long subjectId, Long recipientId) {
        return jdbc.sql("""
                        update reminder set cancelled_at = :now
                        where subject_type = :type and subject_id = :subject and recipient_id = :recipient
                            and sent_at is null and cancelled_at is null""")
                .param("now", Timestamp.from(Instant.now(clock)))
                .param("type", subjectType)
                .param("subject", subjectId)
                .param("recipient", recipientId)
                .update();
    }

    /**
     * Sends the reminders whose time came, each exactly once even with several instances (rows are claimed with
     * {@code FOR UPDATE SKIP LOCKED} and marked sent in the transaction that delivers them). A due-soon reminder
     * whose deadline already passed is dropped: the overdue one says more. Returns how many were sent.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public int sendDue() {
        var now = Timestamp.from(Instant.now(clock));
        jdbc.sql("""
                        update reminder set cancelled_at = :now
                        where kind = 'DUE_SOON' and sent_at is null and cancelled_at is null and due_at <= :now""").param("now", now).update();
        var due = jdbc.sql("""
                        update reminder set sent_at = :now
                        where id in (select id from reminder
                            where sent_at is null and cancelled_at is null and fire_at <= :now
                            order by fire_at, id limit :limit for update skip locked)
                        returning id, subject_type, subject_id, recipient_id, kind, title, link, due_at""")
                .param("now", now)
                .param("limit", BATCH)
                .query((rs, n) -> new ReminderDue(
                        rs.getLong("id"),
                        rs.getString("subject_type"),
                        rs.getLong("subject_id"),
                        rs.getLong("recipient_id"),
                        ReminderKind.valueOf(rs.getString("kind")),
                        rs.getString("title"),
                        rs.getString("link"),
                        rs.getTimestamp("due_at").toInstant()))
                .list();
        due.forEach(events::publishEvent);
        return due.size();
    }
}
