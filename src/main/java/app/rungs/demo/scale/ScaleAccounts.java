package app.rungs.demo.scale;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Gives every generated person a sign-in account (their email as the username, the demo password, already encoded
 * once), managers the manager role, and adds an admin without a person, so a load harness can sign in as anyone:
 * {@code director@}, {@code manager@}, {@code engineer@}, {@code admin@}, {@code manager<n>@} and
 * {@code engineer<n>@} at {@value ScaleOrg#DOMAIN}.
 */
final class ScaleAccounts {

    static final String ADMIN = "admin@" + ScaleOrg.DOMAIN;

    private ScaleAccounts() {}

    /** Writes the accounts; returns how many. */
    static long write(Connection connection, ScaleOrg org, ScaleIds ids, String passwordHash, LocalDate today)
            throws SQLException {
        var created = today.minusDays(30).atStartOfDay().toInstant(ZoneOffset.UTC);
        long admin = ids.account() + org.size;
        long written;
        try (var users = TableCopy.into(
                connection,
                "app_user",
                "id, username, display_name, password_hash, enabled, color_scheme, person_id, created_at, version")) {
            for (int p = 0; p < org.size; p++) {
                users.row(
                        ids.account() + p,
                        org.email[p],
                        org.name[p],
                        passwordHash,
                        true,
                        "LIGHT",
                        ids.people() + p,
                        created,
                        0);
            }
            users.row(admin, ADMIN, "Scale Admin", passwordHash, true, "LIGHT", null, created, 0);
            written = users.finish();
        }
        try (var roles = TableCopy.into(connection, "app_user_role", "user_id, role")) {
            for (int p = 0; p < org.size; p++) {
                roles.row(ids.account() + p, "ENGINEER");
                if (org.leads[p]) {
                    roles.row(ids.account() + p, "MANAGER");
                }
            }
            roles.row(admin, "ADMIN");
            roles.finish();
        }
        return written;
    }
}
