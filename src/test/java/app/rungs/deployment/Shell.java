package app.rungs.deployment;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command to completion with a time limit; its output (stdout and stderr together) for messages. */
final class Shell {

    record Result(int exit, String output) {}

    private Shell() {}

    static Result run(List<String> command, Duration timeout) {
        return run(command, Map.of(), null, null, timeout);
    }

    /** With extra environment, and optionally stdin from a file and stdout to a file (binary dumps). */
    static Result run(List<String> command, Map<String, String> env, File stdin, File stdout, Duration timeout) {
        var builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        if (stdin != null) {
            builder.redirectInput(stdin);
        }
        if (stdout != null) {
            builder.redirectOutput(stdout);
        } else {
            builder.redirectErrorStream(true);
        }
        try {
            var process = builder.start();
            var output = new StringBuilder();
            var source = stdout != null ? process.getErrorStream() : process.getInputStream();
            var reader = Thread.ofVirtual().start(() -> {
                try {
                    output.append(new String(source.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                    // The process was killed after its time limit; what was read so far is kept.
                }
            });
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException("Timed out after " + timeout + ": " + String.join(" ", command));
            }
            reader.join(5_000);
            return new Result(process.exitValue(), output.toString().strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs the command and fails with its output unless it exits with 0. */
    static String check(List<String> command, Duration timeout) {
        var result = run(command, timeout);
        if (result.exit() != 0) {
            throw new IllegalStateException(
                    "Exit " + result.exit() + " from " + String.join(" ", command) + ":\n" + result.output());
        }
        return result.output();
    }

    static boolean available(String program) {
        return run(List.of("sh", "-c", "command -v " + program), Duration.ofSeconds(10))
                        .exit()
                == 0;
    }
}
