package app.rungs.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

/**
 * Start-up against a database that cannot be used fails fast with exactly one ERROR line and no stack trace, and a
 * non-zero exit status: an unreachable server, a refused password, an embedded data directory another Rungs uses.
 */
final class StartupScenarios {

    private static final Duration FAIL_WITHIN = Duration.ofSeconds(120);

    private final Deployment deployment;

    StartupScenarios(Deployment deployment) {
        this.deployment = deployment;
    }

    private RungsInstance unreachable;
    private RungsInstance wrongPassword;
    private RungsInstance first;
    private String dataDir;

    /**
     * Starts the three at once (each its own JVM), without waiting: the suite starts them while the backup scenario
     * runs. The second embedded one starts in {@link #run} once the first is ready.
     */
    void start() {
        unreachable = deployment
                .bare("unreachable", deployment.basePort + 5)
                .with("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5459/rungs")
                .with("SPRING_DATASOURCE_USERNAME", "rungs_app")
                .with("SPRING_DATASOURCE_PASSWORD", "irrelevant")
                .start();
        wrongPassword = deployment
                .instance("wrong-password", deployment.basePort + 6, "rungs")
                .with("SPRING_DATASOURCE_PASSWORD", "not-the-password")
                .start();
        dataDir = deployment.workDir.resolve("embedded-data").toString();
        first = deployment
                .bare("embedded-1", deployment.basePort + 7)
                .with("RUNGS_DATA_DIR", dataDir)
                .with("RUNGS_DEMO", "off")
                .start();
    }

    String run() {
        if (first == null) {
            start();
        }
        long unreachableMs = failsWithOneLine(unreachable, "no PostgreSQL answers at jdbc:postgresql://127.0.0.1:5459");
        long wrongPasswordMs = failsWithOneLine(wrongPassword, "refused the sign-in of role rungs_app");
        long firstReady = first.awaitReady(Deployment.START);
        var second = deployment
                .bare("embedded-2", deployment.basePort + 8)
                .with("RUNGS_DATA_DIR", dataDir)
                .with("RUNGS_DEMO", "off")
                .start();
        long secondMs = failsWithOneLine(second, "is in use by another Rungs process");
        assertThat(first.status("/actuator/health/readiness"))
                .as("the first one is unharmed")
                .isEqualTo(200);
        first.stop();
        return "unreachable: exit after %d ms; wrong password: %d ms; second on one data dir: %d ms (first ready in %d ms)"
                .formatted(unreachableMs, wrongPasswordMs, secondMs, firstReady);
    }

    /** Expects the started instance to exit non-zero with one ERROR line containing the text and no stack trace. */
    private static long failsWithOneLine(RungsInstance instance, String expected) {
        int exit = instance.awaitExit(FAIL_WITHIN);
        long ms = instance.millisUntilExit();
        List<String> lines = instance.logLines();
        var errors = lines.stream().filter(l -> l.contains(" ERROR ")).toList();
        assertThat(exit).as(instance.name + " exit status").isNotZero();
        assertThat(errors).as(instance.name + " error lines").hasSize(1);
        assertThat(errors.getFirst()).contains(expected);
        assertThat(lines)
                .as(instance.name + " prints no stack trace")
                .noneMatch(l -> l.matches("^\\s+at .*") || l.startsWith("Caused by") || l.contains("Exception in"));
        System.out.println("  " + instance.name + ": " + errors.getFirst().replaceFirst("^.*? ERROR ", "ERROR "));
        return ms;
    }
}
