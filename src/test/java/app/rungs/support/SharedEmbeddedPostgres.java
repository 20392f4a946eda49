package app.rungs.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** One real PostgreSQL server per test JVM, for machines without Docker. Every Spring test context shares it. */
public final class SharedEmbeddedPostgres {

    private static EmbeddedPostgres server;

    private SharedEmbeddedPostgres() {}

    public static synchronized EmbeddedPostgres get() {
        if (server == null) {
            try {
                Path dir = Files.createTempDirectory("rungs-test-pg");
                server = EmbeddedPostgres.builder()
                        .setDataDirectory(dir)
                        .setCleanDataDirectory(true)
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "200")
                        .start();
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

    public static String jdbcUrl(String database) {
        return get().getJdbcUrl("postgres", database);
    }
}
