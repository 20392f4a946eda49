package app.rungs.audit.service;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Audit events about a person for their data export: where they are the actor (by username) or the object (their
 * person record or their account). The audit log itself is never changed.
 */
@Service
public class AuditPrivacyData {

    private final JdbcClient jdbc;

    AuditPrivacyData(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /**
     * One page of the events about the subject, in id order after {@code afterId}. Admins may ask about anyone;
     * anyone else only about themselves: the subject must match the signed-in principal in every part, so nobody
     * reads the events of another person by pairing their own username with someone else's ids.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN') or (#subject.username() == authentication.name"
            + " and #subject.personId() == principal.personId() and #subject.accountId() == principal.accountId())")
    public List<AuditEntry> eventsAbout(AuditSubject subject, long afterId, int limit) {
        return jdbc.sql("""
                        select id, occurred_at, actor, action, object_type, object_id, summary,
                               before_state::text, after_state::text, redacted
                        from audit_event
                        where id > :after and (lower(actor) = lower(:username)
                            or (object_type = 'Person' and object_id = :person)
                            or (object_type = 'Account' and object_id = :account))
                        order by id limit :limit""")
                .param("after", afterId)
                .param("username", subject.username() == null ? "" : subject.username())
                .param("person", String.valueOf(subject.personId()))
                .param("account", subject.accountId() == null ? "" : String.valueOf(subject.accountId()))
                .param("limit", limit)
                .query((rs, n) -> new AuditEntry(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getBoolean(10)))
                .list();
    }
}
