package app.rungs.shared.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Checks the database before anything else starts, so a wrong setting fails in a second with one clear line
 * ({@link DatabaseStartupFailure}) instead of a connection pool's stack trace half-way through start-up.
 *
 * <p>External database ({@code spring.datasource.url} set): signs in once as the application's role and, if a
 * separate one is configured, as Flyway's. Embedded database: the data directory must not be in use by another
 * Rungs process (the embedded server library holds a lock on {@value #LOCK_FILE} while it runs).
 *
 * <p>Registered by {@code Application.main} only: tests build their contexts without it.
 */
public class DatabasePreflight implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    static final String LOCK_FILE = "epg-lock";
    // A refused port fails at once; these bound a silent host and a server too busy to answer (seen at 5 s on a
    // heavily loaded two-core machine while the server was fine).
    private static final int CONNECT_TIMEOUT_SECONDS = 10;
    private static final int LOGIN_TIMEOUT_SECONDS = 30;

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        check(event.getEnvironment());
    }

    static void check(Environment env) {
        var url = env.getProperty("spring.datasource.url");
        if (url == null || url.isBlank() || url.equals("embedded:")) {
            var dataDir = env.getProperty("rungs.embedded-db.data-dir");
            if (dataDir != null) {
                requireUnlocked(Path.of(dataDir));
            }
            return;
        }
        var appUser = env.getProperty("spring.datasource.username");
        signIn(url, appUser, env.getProperty("spring.datasource.password"), "SPRING_DATASOURCE_");
        var flywayUser = env.getProperty("spring.flyway.user");
        if (flywayUser != null && !flywayUser.equals(appUser)) {
            signIn(
                    env.getProperty("spring.flyway.url", url),
                    flywayUser,
                    env.getProperty("spring.flyway.password"),
                    "SPRING_FLYWAY_");
        }
    }

    private static void signIn(String url, String user, String password, String settings) {
        var properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("loginTimeout", Integer.toString(LOGIN_TIMEOUT_SECONDS));
        try (var ignored = DriverManager.getConnection(url, properties)) {
            // Signed in: the settings work.
        } catch (SQLException e) {
            throw new DatabaseStartupFailure(explain(url, user, settings, e));
        }
    }

    static String explain(String url, String user, String settings, SQLException e) {
        var state = e.getSQLState() == null ? "" : e.getSQLState();
        var where = url.replaceFirst("\\?.*$", "");
        var reason = firstLine(e.getMessage());
        if (state.startsWith("28")) {
            return "the database at %s refused the sign-in of role %s (%s). Check %sUSERNAME and %sPASSWORD."
                    .formatted(where, user, reason, settings, settings);
        }
        if (state.equals("3D000")) {
            return "the database named in %s does not exist (%s). Create it (docs/operations.md) or fix %sURL."
                    .formatted(where, reason, settings);
        }
        if (state.startsWith("08") || DatabaseUnavailable.isCause(e)) {
            return "no PostgreSQL answers at %s (%s). Check %sURL and that the server is running and reachable."
                    .formatted(where, reason, settings);
        }
        return "cannot connect to the database at %s as %s (%s%s)."
                .formatted(where, user, state.isEmpty() ? "" : "SQLState " + state + ": ", reason);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        var line = message.strip().lines().findFirst().orElse("no detail");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    /** Fails if another process holds the embedded server's lock on the data directory. */
    static void requireUnlocked(Path dataDir) {
        var lockFile = dataDir.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (var channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            var lock = channel.tryLock();
            if (lock == null) {
                throw inUse(dataDir);
            }
            lock.release();
        } catch (OverlappingFileLockException e) {
            throw inUse(dataDir);
        } catch (IOException e) {
            // Unreadable lock file: the embedded server's own start-up reports what is wrong.
        }
    }

    static DatabaseStartupFailure inUse(Path dataDir) {
        return new DatabaseStartupFailure(("the embedded database in %s is in use by another Rungs process. Stop that"
                        + " one, or give this one its own data directory (RUNGS_DATA_DIR).")
                .formatted(dataDir.toAbsolutePath()));
    }
}
