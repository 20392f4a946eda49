package app.rungs.people.service;

import app.rungs.security.service.PersonalDataAccess;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where to email people: the narrow read of the email channel. Contact details are not directory information, so a
 * person reads their own address and only the delivery job (as the system, an admin) reads anyone's.
 */
@Service
public class EmailAddresses {

    private final JdbcClient jdbc;

    EmailAddresses(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** A person's address, if they can be emailed at all (active, not erased, an address that looks like one). */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Optional<String> addressOf(Long personId) {
        PersonalDataAccess.requireSelfOrAdmin(personId);
        return Optional.ofNullable(deliverable(java.util.List.of(personId)).get(personId))
                .map(Recipient::email);
    }

    /** Recipients by id for the people who can be emailed; the others are left out. One statement. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public Map<Long, Recipient> deliverable(Collection<Long> personIds) {
        var result = new HashMap<Long, Recipient>();
        if (personIds.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                        select id, full_name, email from person
                        where id in (:ids) and active and erased_at is null and email like '%_@_%'""")
                .param("ids", personIds)
                .query((rs, n) -> new Recipient(rs.getLong("id"), rs.getString("full_name"), rs.getString("email")))
                .list()
                .forEach(r -> result.put(r.personId(), r));
        return result;
    }

    /** Someone the email channel may write to. */
    public record Recipient(Long personId, String fullName, String email) {}
}
