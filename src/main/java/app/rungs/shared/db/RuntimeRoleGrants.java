package app.rungs.shared.db;

import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.stereotype.Component;

/**
 * After every Flyway run, as the schema owner: the runtime role (the connection pool's user) gets DML on every table
 * and sequence of the schema — so tables added by later migrations work without further grants — except that the
 * audit log is append-only for it (INSERT and SELECT) and the migration history is out of its reach.
 *
 * <p>Does nothing when the application and Flyway use the same role (a single-role external database).
 */
@Component
class RuntimeRoleGrants implements Callback {

    private static final Logger log = LoggerFactory.getLogger(RuntimeRoleGrants.class);

    private final ObjectProvider<JdbcConnectionDetails> connectionDetails;

    RuntimeRoleGrants(ObjectProvider<JdbcConnectionDetails> connectionDetails) {
        this.connectionDetails = connectionDetails;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        var details = connectionDetails.getIfAvailable();
        if (details == null || details.getUsername() == null) {
            return;
        }
        try {
            grant(context.getConnection(), details.getUsername());
        } catch (SQLException e) {
            throw new FlywayException("Cannot grant the runtime role its privileges: " + e.getMessage(), e);
        }
    }

    static void grant(Connection owner, String runtimeRole) throws SQLException {
        try (var statement = owner.createStatement()) {
            try (var rs = statement.executeQuery(
                    "select current_user, current_schema(), exists (select from pg_roles where rolname = "
                            + literal(runtimeRole) + ")")) {
                rs.next();
                if (rs.getString(1).equals(runtimeRole) || !rs.getBoolean(3)) {
                    return;
                }
                var schema = identifier(rs.getString(2));
                var role = identifier(runtimeRole);
                statement.execute("grant usage on schema " + schema + " to " + role);
                statement.execute(
                        "grant select, insert, update, delete on all tables in schema " + schema + " to " + role);
                statement.execute("grant usage, select on all sequences in schema " + schema + " to " + role);
                statement.execute(
                        "revoke truncate, references, trigger on all tables in schema " + schema + " from " + role);
                statement.execute("""
                        do $$ begin
                            if to_regclass('audit_event') is not null then
                                execute 'revoke update, delete on audit_event from %1$s';
                                -- An erasure pseudonymizes the personal-data columns of old events; the append-only
                                -- trigger still refuses anything but that exact redaction.
                                if exists (select from information_schema.columns
                                           where table_name = 'audit_event' and column_name = 'redaction_event_id') then
                                    execute 'grant update (actor, summary, before_state, after_state, redacted,'
                                        || ' redaction_event_id) on audit_event to %1$s';
                                end if;
                            end if;
                            if to_regclass('flyway_schema_history') is not null then
                                execute 'revoke all on flyway_schema_history from %1$s';
                            end if;
                        end $$""".formatted(role.replace("'", "''")));
                log.debug("Granted DML to runtime role {} in schema {}", runtimeRole, schema);
            }
        }
    }

    private static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    @Override
    public String getCallbackName() {
        return "rungs-runtime-role-grants";
    }
}
