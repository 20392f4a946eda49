package app.rungs.shared.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The roles of an embedded cluster, prepared by the superuser at every start (idempotent).
 *
 * <ul>
 *   <li>{@value #OWNER} owns the {@code public} schema and everything in it; Flyway migrates as this role.
 *   <li>{@value #APP} is what the connection pool uses: no superuser, cannot create or alter objects, and gets only
 *       DML on the tables ({@link RuntimeRoleGrants} narrows {@code audit_event} to INSERT and SELECT).
 * </ul>
 *
 * <p>A data directory of an earlier version has every object owned by {@code postgres}; the first start hands them
 * to the owner role, so existing data keeps working without a superuser.
 */
public final class DatabaseRoles {

    public static final String OWNER = "rungs_owner";
    public static final String APP = "rungs_app";

    private DatabaseRoles() {}

    /** Creates or updates both roles, moves ownership of the public schema's objects and sets default privileges. */
    public static void prepare(Connection superuser, String database, EmbeddedCredentials credentials)
            throws SQLException {
        var statements = List.of(
                """
                do $$ begin
                    if not exists (select from pg_roles where rolname = '%1$s') then create role %1$s; end if;
                    if not exists (select from pg_roles where rolname = '%2$s') then create role %2$s; end if;
                end $$""".formatted(OWNER, APP),
                roleOptions(OWNER, credentials.owner()),
                roleOptions(APP, credentials.app()),
                "revoke all on database \"%s\" from public".formatted(database),
                "grant connect, temporary on database \"%s\" to %s, %s".formatted(database, OWNER, APP),
                "alter schema public owner to " + OWNER,
                "revoke all on schema public from public",
                "grant usage on schema public to " + APP,
                """
                do $$ declare r record; begin
                    for r in select c.oid::regclass as name,
                                    case c.relkind when 'S' then 'sequence' when 'v' then 'view'
                                                   when 'm' then 'materialized view' else 'table' end as kind
                               from pg_class c join pg_namespace n on n.oid = c.relnamespace
                              where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S')
                                and c.relowner <> '%1$s'::regrole
                                and not exists (select from pg_depend d
                                                 where d.classid = 'pg_class'::regclass and d.objid = c.oid
                                                   and d.deptype in ('a', 'i'))
                    loop
                        execute format('alter %%s %%s owner to %1$s', r.kind, r.name);
                    end loop;
                    for r in select p.oid::regprocedure as name
                               from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                              where n.nspname = 'public' and p.proowner <> '%1$s'::regrole
                    loop
                        execute format('alter routine %%s owner to %1$s', r.name);
                    end loop;
                    for r in select t.oid::regtype as name
                               from pg_type t join pg_namespace n on n.oid = t.typnamespace
                              where n.nspname = 'public' and t.typtype in ('e', 'd') and t.typowner <> '%1$s'::regrole
                    loop
                        execute format('alter type %%s owner to %1$s', r.name);
                    end loop;
                end $$""".formatted(OWNER),
                "alter default privileges for role %s in schema public grant select, insert, update, delete on tables to %s"
                        .formatted(OWNER, APP),
                "alter default privileges for role %s in schema public grant usage, select on sequences to %s"
                        .formatted(OWNER, APP));
        var autoCommit = superuser.getAutoCommit();
        superuser.setAutoCommit(false);
        try (var statement = superuser.createStatement()) {
            for (var sql : statements) {
                statement.execute(sql);
            }
            superuser.commit();
        } catch (SQLException e) {
            superuser.rollback();
            throw e;
        } finally {
            superuser.setAutoCommit(autoCommit);
        }
    }

    private static String roleOptions(String role, String password) {
        // Passwords are base64url (no quotes possible); the server stores only the SCRAM verifier.
        return "alter role %s with login nosuperuser nocreatedb nocreaterole noreplication nobypassrls inherit"
                        .formatted(role)
                + " connection limit -1 password '" + password + "'";
    }
}
