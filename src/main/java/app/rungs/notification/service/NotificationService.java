package app.rungs.notification.service;

import app.rungs.notification.domain.Notification;
import app.rungs.notification.domain.NotificationRepository;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.live.LiveEvents;
import app.rungs.shared.live.Subscription;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * In-app notifications. Other features call {@link #notify} inside their own transaction, so a notification exists
 * exactly when the change it announces was committed. Everyone reads and marks only their own notifications.
 */
@Service
public class NotificationService {

    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 2000;
    static final int MAX_LINK = 500;

    /** The live-events topic of notification changes; the message is the person's id. */
    static final String TOPIC = "notifications";

    private final NotificationRepository notifications;
    private final LiveEvents live;
    private final Clock clock;
    private final EmailOutbox outbox;

    NotificationService(NotificationRepository notifications, LiveEvents live, Clock clock, EmailOutbox outbox) {
        this.notifications = notifications;
        this.live = live;
        this.clock = clock;
        this.outbox = outbox;
    }

    /**
     * Tells a person something in the app only. {@code link} is an in-app route such as {@code promotions/42} (no
     * scheme, no host), or null. To email it as well, name its {@link EmailCategory}.
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public Long notify(Long personId, String title, String body, String link) {
        return notify(personId, null, title, body, link, null);
    }

    /**
     * Tells a person something in the app and, if email is configured and they did not switch the category off, by
     * email too: the email is queued in the same transaction and sent afterwards (see {@link EmailOutbox}).
     * {@code dueAt} is the deadline the message is about, if any, written in the recipient's own date format.
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public Long notify(Long personId, EmailCategory category, String title, String body, String link, Instant dueAt) {
        if (personId == null) {
            throw new ValidationException("A notification needs the person it is for.");
        }
        if (title == null || title.isBlank()) {
            throw new ValidationException("A notification needs a title.");
        }
        if (link != null && !isInAppRoute(link)) {
            throw new ValidationException("Notification links point inside Rungs, like promotions/42.");
        }
        var n = new Notification(
                personId,
                shorten(title.strip(), MAX_TITLE),
                body == null || body.isBlank() ? null : shorten(body.strip(), MAX_BODY),
                link,
                Instant.now(clock));
        notifications.saveAndFlush(n);
        outbox.enqueue(personId, category, n.getTitle(), n.getBody(), link, dueAt, n.getCreatedAt());
        // Announced on commit only, to every instance: open bells of that person refresh.
        live.publish(TOPIC, String.valueOf(personId));
        return n.getId();
    }

    static boolean isInAppRoute(String link) {
        return link.length() <= MAX_LINK
                && !link.isBlank()
                && !link.contains("//")
                && !link.contains(":")
                && !link.startsWith("/")
                && link.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** The signed-in person's notifications, newest first; empty for accounts without a person. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<NotificationItem> mine(int offset, int limit) {
        var me = CurrentUser.require().personId();
        if (me == null || limit <= 0) {
            return List.of();
        }
        return notifications.findWindow(me, Math.max(0, offset), Math.min(limit, 200)).stream()
                .map(NotificationService::item)
                .toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public long countMine() {
        var me = CurrentUser.require().personId();
        return me == null ? 0 : notifications.countByPerson(me);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public long unreadCount() {
        var me = CurrentUser.require().personId();
        return me == null ? 0 : notifications.countUnread(me);
    }

    /** Marks one of the signed-in person's notifications read; others' answer not found. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void markRead(Long id) {
        var me = CurrentUser.require().personId();
        var n = notifications
                .findById(id)
                .filter(x -> x.getPersonId().equals(me))
                .orElseThrow(() -> new NotFoundException("Notification not found"));
        n.markRead(Instant.now(clock));
        live.publish(TOPIC, String.valueOf(me));
    }

    /** Marks all of the signed-in person's notifications read. Returns how many were unread. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public int markAllRead() {
        var me = CurrentUser.require().personId();
        if (me == null) {
            return 0;
        }
        int changed = notifications.markAllRead(me, Instant.now(clock));
        live.publish(TOPIC, String.valueOf(me));
        return changed;
    }

    /**
     * Calls the listener (on a background thread) whenever the signed-in person's notifications change, in this or
     * another instance, until the subscription is removed. Accounts without a person get a no-op subscription. The
     * listener runs outside any UI request; views hand the work to their UI themselves (see NotificationBell).
     */
    @PreAuthorize("isAuthenticated()")
    public Subscription onChange(Runnable listener) {
        var me = CurrentUser.require().personId();
        if (me == null) {
            return () -> {};
        }
        var mine = String.valueOf(me);
        return live.listen(TOPIC, message -> {
            if (mine.equals(message)) {
                listener.run();
            }
        });
    }

    private static NotificationItem item(Notification n) {
        return new NotificationItem(
                n.getId(), n.getTitle(), n.getBody(), n.getLink(), n.getCreatedAt(), n.getReadAt() != null);
    }
}
