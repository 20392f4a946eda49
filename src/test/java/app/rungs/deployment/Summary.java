package app.rungs.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** One line per scenario: PASS or FAIL, its time and the numbers it measured. */
final class Summary {

    private final List<String> lines = new ArrayList<>();
    private final long started = System.nanoTime();

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
                    String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
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

    private void record(String outcome, String scenario, long t, String detail) {
        var line =
                "DEPLOYMENT %s %-34s %6.1f s  %s".formatted(outcome, scenario, (System.nanoTime() - t) / 1e9, detail);
        lines.add(line);
        System.out.println(line);
    }

    void print(Path file) {
        var all = new ArrayList<>(List.of("== Rungs deployment suite =="));
        all.addAll(lines);
        all.add("DEPLOYMENT total %.1f s, %d scenario(s), %d failed"
                .formatted(
                        (System.nanoTime() - started) / 1e9,
                        lines.size(),
                        lines.stream()
                                .filter(l -> l.startsWith("DEPLOYMENT FAIL"))
                                .count()));
        all.forEach(System.out::println);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, all);
        } catch (IOException ignored) {
            // The summary is on standard output too.
        }
    }
}
