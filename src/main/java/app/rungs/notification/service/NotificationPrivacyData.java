package app.rungs.notification.service;

import app.rungs.security.service.PersonalDataAccess;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Notifications in a person's data export, and their retention. */
@Service
public class NotificationPrivacyData {

    private final JdbcClient jdbc;

    NotificationPrivacyData(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** One page of a person's notifications (read and unread) after the given id, oldest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<NotificationData> notificationsOf(Long personId, long afterId, int limit) {
        PersonalDataAccess.requireSelfOrAdmin(personId);
        return jdbc.sql("""
                        select id, title, body, link, created_at, read_at from notification
                        where person_id = :person and id > :after order by id limit :limit""")
                .param("person", personId)
                .param("after", afterId)
                .param("limit", limit)
                .query((rs, n) -> new NotificationData(
                        rs.getLong("id"),
                        rs.getString("title"),
                        rs.getString("body"),
                        rs.getString("link"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("read_at") == null
                                ? null
                                : rs.getTimestamp("read_at").toInstant()))
                .list();
    }

    /** Deletes up to {@code limit} notifications read before the cutoff; unread ones are kept. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public int deleteReadBefore(Instant cutoff, int limit) {
        return jdbc.sql("""
                        delete from notification where id in (
                            select id from notification where read_at is not null and read_at < :cutoff
                            order by id limit :limit)""")
                .param("cutoff", java.sql.Timestamp.from(cutoff))
                .param("limit", limit)
                .update();
    }
}
