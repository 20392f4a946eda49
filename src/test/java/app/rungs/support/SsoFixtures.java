package app.rungs.support;

import app.rungs.security.domain.Role;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.AccountSummary;
import app.rungs.security.service.SsoIdentity;
import app.rungs.security.service.SsoSettingsService;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Accounts of their own and role mappings for single sign-on tests. The mappings are global settings, so every test
 * that sets some calls {@link #clearMappings()} afterwards; without mappings, SSO leaves roles alone.
 */
@Component
public class SsoFixtures {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private final RunAs runAs;
    private final AccountService accounts;
    private final SsoSettingsService settings;
    private final JdbcTemplate jdbc;

    public SsoFixtures(RunAs runAs, AccountService accounts, SsoSettingsService settings, JdbcTemplate jdbc) {
        this.runAs = runAs;
        this.accounts = accounts;
        this.settings = settings;
        this.jdbc = jdbc;
    }

    /** A fresh email no account or person has yet. */
    public static String newEmail(String prefix) {
        return prefix + "." + SEQUENCE.incrementAndGet() + "@sso.rungs.test";
    }

    /** A fresh enabled account named by its email, with the roles given and no person. */
    public AccountSummary account(String email, Role... roles) {
        return runAs.as(
                DemoUsers.ADMIN,
                () -> accounts.create(
                        email,
                        "SSO " + email,
                        "Sso-Test-Passw0rd!" + SEQUENCE.get(),
                        EnumSet.copyOf(List.of(roles)),
                        null));
    }

    public void map(String claimValue, Role role) {
        runAs.run(DemoUsers.ADMIN, () -> settings.addMapping(claimValue, role));
    }

    public void clearMappings() {
        runAs.run(DemoUsers.ADMIN, () -> {
            var current = settings.settings();
            current.mappings().forEach(m -> settings.removeMapping(m.id()));
            settings.changeRoleClaim("groups", settings.settings().version());
        });
    }

    public EnumSet<Role> rolesOf(String username) {
        var roles = EnumSet.noneOf(Role.class);
        jdbc.queryForList(
                        "select r.role from app_user_role r join app_user u on u.id = r.user_id"
                                + " where lower(u.username) = lower(?)",
                        String.class,
                        username)
                .forEach(r -> roles.add(Role.valueOf(r)));
        return roles;
    }

    public long auditCount(String action, String summaryPart) {
        return jdbc.queryForObject(
                "select count(*) from audit_event where action = ? and summary like ?",
                Long.class,
                action,
                "%" + summaryPart + "%");
    }

    public boolean linked(String username) {
        return jdbc.queryForObject(
                        "select count(*) from sso_link l join app_user u on u.id = l.account_id"
                                + " where lower(u.username) = lower(?)",
                        Long.class,
                        username)
                > 0;
    }

    /** An identity as the provider would vouch for it. */
    public static SsoIdentity identity(String subject, String email, boolean verified, Object groups) {
        return new SsoIdentity(
                "https://idp.sso.rungs.test",
                subject,
                email,
                verified,
                groups == null ? Map.of() : Map.of("groups", groups));
    }
}
