package app.rungs.fairness.service;

import app.rungs.audit.service.AuditService;
import app.rungs.security.domain.Role;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.service.ValidationException;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The explicit permission to see outcome breakdowns by demographic attributes. Being an admin is not enough: another
 * admin grants it to an admin account (never to themselves, so no one gives it to themselves unseen), and every grant
 * and revocation is audited. Losing the admin role ends it.
 */
@Service
public class DemographicsAccess {

    private final JdbcTemplate jdbc;
    private final EntityManager em;
    private final AuditService audit;
    private final Clock clock;

    DemographicsAccess(JdbcTemplate jdbc, EntityManager em, AuditService audit, Clock clock) {
        this.jdbc = jdbc;
        this.em = em;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether the signed-in user may see breakdowns by demographic attributes. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public boolean mayViewBreakdowns() {
        var me = CurrentUser.require();
        if (!me.has(Role.ADMIN) || me.accountId() == null) {
            return false;
        }
        // Through the entity manager, so that statement counts of the screens that ask include it.
        return !em.createNativeQuery("select 1 from demographics_access where user_id = ?1")
                .setParameter(1, me.accountId())
                .getResultList()
                .isEmpty();
    }

    /** Refuses anyone without the permission. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public void requireViewBreakdowns() {
        if (!mayViewBreakdowns()) {
            throw new AccessDeniedException(
                    "Breakdowns by demographic attributes need an explicit permission that another admin grants.");
        }
    }

    /** The enabled admin accounts, each with whether it holds the permission. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public List<DemographicsHolder> admins() {
        return jdbc.query(
                """
                select u.id, u.username, u.display_name, a.user_id is not null, a.granted_by, a.granted_at
                from app_user u
                join app_user_role r on r.user_id = u.id and r.role = 'ADMIN'
                left join demographics_access a on a.user_id = u.id
                where u.enabled
                order by lower(u.display_name), u.id""",
                (rs, i) -> new DemographicsHolder(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBoolean(4),
                        rs.getString(5),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()));
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void grant(Long accountId) {
        var me = CurrentUser.require();
        if (accountId == null || accountId.equals(me.accountId())) {
            throw new AccessDeniedException(
                    "Another admin must grant you this permission; no one grants it to themselves.");
        }
        var target = admin(accountId);
        var now = Instant.now(clock);
        int added = jdbc.update(
                "insert into demographics_access (user_id, granted_by, granted_at) values (?, ?, ?)"
                        + " on conflict (user_id) do nothing",
                accountId,
                me.username(),
                Timestamp.from(now));
        if (added == 1) {
            audit.record(
                    "DEMOGRAPHICS_ACCESS_GRANTED",
                    "Account",
                    accountId,
                    "Granted " + target + " the permission to see outcome breakdowns by demographic attributes",
                    Map.of("demographicsAccess", false),
                    Map.of("demographicsAccess", true));
        }
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void revoke(Long accountId) {
        var name = jdbc.query("select display_name from app_user where id = ?", (rs, i) -> rs.getString(1), accountId);
        int removed = jdbc.update("delete from demographics_access where user_id = ?", accountId);
        if (removed == 1) {
            audit.record(
                    "DEMOGRAPHICS_ACCESS_REVOKED",
                    "Account",
                    accountId,
                    "Revoked " + (name.isEmpty() ? "account #" + accountId : name.getFirst())
                            + "'s permission to see outcome breakdowns by demographic attributes",
                    Map.of("demographicsAccess", true),
                    Map.of("demographicsAccess", false));
        }
    }

    private String admin(Long accountId) {
        var names = jdbc.query("""
                select u.display_name from app_user u join app_user_role r on r.user_id = u.id and r.role = 'ADMIN'
                where u.id = ? and u.enabled""", (rs, i) -> rs.getString(1), accountId);
        if (names.isEmpty()) {
            throw new ValidationException("Only an enabled admin account can be given this permission.");
        }
        return names.getFirst();
    }
}
