package app.rungs.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.shared.db.DatabaseRoles;
import app.rungs.shared.db.EmbeddedCluster;
import app.rungs.shared.db.EmbeddedCredentials;
import app.rungs.support.IntegrationTest;
import app.rungs.support.SharedEmbeddedPostgres;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Attacks on the database from a local process and through the application's own connection: no sign-in without
 * the password, and the role the application uses cannot read password hashes, switch off or drop the audit
 * trigger, rewrite the audit log or the migration history, or change the schema.
 */
@IntegrationTest
class DatabaseAccessAttackTest {

    @Autowired
    JdbcTemplate jdbc;

    private static EmbeddedCluster cluster() {
        return SharedEmbeddedPostgres.get();
    }

    @Test
    void theApplicationPoolSignsInAsTheNonSuperuserRuntimeRole() {
        assertThat(jdbc.queryForObject("select current_user", String.class)).isEqualTo(DatabaseRoles.APP);
        assertThat(jdbc.queryForObject(
                        "select rolsuper or rolcreaterole or rolcreatedb or rolbypassrls from pg_roles"
                                + " where rolname = current_user",
                        Boolean.class))
                .isFalse();
    }

    @Test
    void aSignInWithoutPasswordIsRefused() {
        for (var role : new String[] {"postgres", DatabaseRoles.OWNER, DatabaseRoles.APP}) {
            assertThatThrownBy(() -> DriverManager.getConnection(cluster().jdbcUrl(), role, null)
                            .close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password");
        }
    }

    @Test
    void aSignInWithAWrongPasswordIsRefused() {
        for (var role : new String[] {"postgres", DatabaseRoles.OWNER, DatabaseRoles.APP}) {
            assertThatThrownBy(() -> DriverManager.getConnection(cluster().jdbcUrl(), role, "rungs")
                            .close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
        }
    }

    @Test
    void theRuntimeRoleCannotSwitchOffTriggersWithSessionReplicationRole() {
        assertThatThrownBy(() -> jdbc.execute("set session_replication_role = replica"))
                .rootCause()
                .hasMessageContaining("permission denied to set parameter");
    }

    @Test
    void theRuntimeRoleCannotDisableAlterOrDropTheAuditTrigger() {
        assertThatThrownBy(() -> jdbc.execute("alter table audit_event disable trigger audit_event_no_change"))
                .rootCause()
                .hasMessageContaining("must be owner");
        assertThatThrownBy(() -> jdbc.execute("drop trigger audit_event_no_change on audit_event"))
                .rootCause()
                .hasMessageContaining("must be owner");
        assertThatThrownBy(() -> jdbc.execute(
                        "create or replace function audit_event_append_only() returns trigger language plpgsql"
                                + " as $$ begin return new; end $$"))
                .rootCause()
                .hasMessageFindingMatch("must be owner|permission denied for schema public");
    }

    @Test
    void theRuntimeRoleCannotUpdateDeleteOrTruncateTheAuditLog() {
        // The personal-data columns may be updated only as an erasure's redaction, which the trigger checks.
        assertThatThrownBy(() -> jdbc.update("update audit_event set summary = 'forged'"))
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("update audit_event set action = 'forged', row_hash = null"))
                .rootCause()
                .hasMessageContaining("permission denied for table audit_event");
        assertThatThrownBy(() -> jdbc.update("delete from audit_event"))
                .rootCause()
                .hasMessageContaining("permission denied for table audit_event");
        assertThatThrownBy(() -> jdbc.execute("truncate audit_event"))
                .rootCause()
                .hasMessageContaining("permission denied for table audit_event");
    }

    @Test
    void theSchemaOwnerStillMeetsTheAppendOnlyTrigger() throws SQLException {
        try (var owner = DriverManager.getConnection(
                        cluster().jdbcUrl(),
                        DatabaseRoles.OWNER,
                        cluster().credentials().owner());
                var statement = owner.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("update audit_event set summary = 'forged'"))
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void theRuntimeRoleCannotReadPasswordVerifiers() {
        assertThatThrownBy(() -> jdbc.queryForList("select rolname, rolpassword from pg_authid"))
                .rootCause()
                .hasMessageContaining("permission denied for table pg_authid");
    }

    @Test
    void theRuntimeRoleCannotChangeTheSchemaOrTheMigrationHistory() {
        assertThatThrownBy(() -> jdbc.execute("create table stolen (x text)"))
                .rootCause()
                .hasMessageContaining("permission denied for schema public");
        assertThatThrownBy(() -> jdbc.execute("alter table app_user add column backdoor text"))
                .rootCause()
                .hasMessageContaining("must be owner");
        assertThatThrownBy(() -> jdbc.update("delete from flyway_schema_history"))
                .rootCause()
                .hasMessageContaining("permission denied for table flyway_schema_history");
    }

    @Test
    void theServerListensOnLoopbackOnly() throws Exception {
        assertThat(jdbc.queryForObject("show listen_addresses", String.class)).isEqualTo("127.0.0.1,::1");
        var port = cluster().port();
        try (var loopback = new Socket()) {
            loopback.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        }
        var external = NetworkInterface.networkInterfaces()
                .filter(i -> !isLoopback(i))
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .findFirst();
        if (external.isPresent()) {
            try (var socket = new Socket()) {
                assertThatThrownBy(() -> socket.connect(new InetSocketAddress(external.get(), port), 1000))
                        .isInstanceOf(java.io.IOException.class);
            }
        }
    }

    @Test
    void thePasswordFileIsReadableByItsOwnerOnly() throws Exception {
        var file = EmbeddedCredentials.file(cluster().dataDir());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(cluster().dataDir().resolve("pg_hba.conf")))
                .doesNotContain("trust")
                .contains("scram-sha-256");
    }

    private static boolean isLoopback(NetworkInterface networkInterface) {
        try {
            return networkInterface.isLoopback();
        } catch (java.net.SocketException e) {
            return true;
        }
    }
}
