package app.rungs.support;

import app.rungs.shared.db.EmbeddedCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * One real PostgreSQL server per test JVM, for machines without Docker. Every Spring test context shares it.
 *
 * <p>It is prepared exactly like the application's embedded server (password authentication, loopback only, the
 * schema owner and runtime roles), except that it trades durability for speed: it lives in a temporary directory.
 */
public final class SharedEmbeddedPostgres {

    private static EmbeddedCluster server;

    private SharedEmbeddedPostgres() {}

    public static synchronized EmbeddedCluster get() {
        if (server == null) {
            try {
                var dir = Files.createTempDirectory("rungs-test-pg");
                server = EmbeddedCluster.start(dir.resolve("pgdata"), 0, false, 200);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // The JVM is exiting; the temporary cluster goes with it.
                }
            }));
        }
        return server;
    }

    /** A superuser URL (with password) for tests that create databases of their own. */
    public static String jdbcUrl(String database) {
        var cluster = get();
        return cluster.jdbcUrl(database) + "?user=postgres&password="
                + cluster.credentials().superuser();
    }
}
