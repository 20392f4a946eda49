package app.rungs.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * One line per scenario: PASS or FAIL, its time and the numbers it measured. Every scenario the suite has is listed,
 * also one that never ran (an earlier step aborted the run, or the run was killed): the summary is written by the
 * tear-down and, failing that, by the shutdown hook.
 */
final class Summary {

    private final Map<String, String> lines = new LinkedHashMap<>();
    private final long started = System.nanoTime();
    private final Path file;
    private boolean printed;

    Summary(Path file, List<String> scenarios) {
        this.file = file;
        scenarios.forEach(s -> lines.put(s, null));
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            synchronized (this) {
                if (!printed) {
                    print("run killed");
                }
            }
        }));
    }

    /** Runs a scenario (which returns its key numbers), records the line, rethrows a failure. */
    void run(String scenario, Callable<String> body) throws Exception {
        long t = System.nanoTime();
        try {
            var numbers = body.call();
            record("PASS", scenario, t, numbers);
        } catch (Exception | AssertionError e) {
            record(
                    "FAIL",
                    scenario,
                    t,
                    String.valueOf(e.getMessage()).lines().findFirst().orElse("") + where(e));
            throw e;
        }
    }

    /** The suite's own line that failed, so the summary alone says which step it was. */
    private static String where(Throwable e) {
        for (var frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith(Summary.class.getPackageName())
                    && !frame.getClassName().equals(Summary.class.getName())) {
                return " (at " + frame.getFileName() + ":" + frame.getLineNumber() + ")";
            }
        }
        return "";
    }

    private synchronized void record(String outcome, String scenario, long t, String detail) {
        var line =
                "DEPLOYMENT %s %-38s %6.1f s  %s".formatted(outcome, scenario, (System.nanoTime() - t) / 1e9, detail);
        lines.put(scenario, line);
        System.out.println(line);
    }

    /** The 1, 5 and 15 minute load averages: the suite's times mean little without them on a shared machine. */
    static String loadAverage() {
        try {
            var parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Prints and writes the summary once: the tear-down's, or the shutdown hook's when the run was killed. */
    synchronized void print(String why) {
        if (printed) {
            return;
        }
        printed = true;
        var all = new ArrayList<>(List.of("== Rungs deployment suite =="));
        lines.forEach((scenario, line) -> all.add(
                line != null ? line : "DEPLOYMENT FAIL %-38s %6s    not run (%s)".formatted(scenario, "-", why)));
        var load = loadAverage();
        all.add("DEPLOYMENT total %.1f s, %d scenario(s), %d failed; load average at the end %s"
                .formatted(
                        (System.nanoTime() - started) / 1e9,
                        lines.size(),
                        lines.values().stream()
                                .filter(l -> l == null || l.startsWith("DEPLOYMENT FAIL"))
                                .count(),
                        load));
        all.forEach(System.out::println);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, all);
        } catch (IOException ignored) {
            // The summary is on standard output too.
        }
    }
}
