package app.rungs.demo;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.support.IntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo organization is exactly the one the expected file describes: same rows in every table, same people,
 * levels, evidence, cases and sessions. The expected file was produced from the seeding code before the demo data
 * moved into resources; a change to the demo data must update it on purpose.
 *
 * <p>The lines behind a mismatch are written to {@code target/demo-fingerprint/} for a diff.
 */
@IntegrationTest
class DemoFingerprintTest {

    private static final Path OUT = Path.of("target", "demo-fingerprint");

    @Autowired
    DemoFingerprint fingerprint;

    @Test
    void theSeededDemoOrganizationMatchesTheExpectedFingerprint() throws IOException {
        write("exact.txt", fingerprint.exact());
        write("stable.txt", fingerprint.stable());
        var actual = DemoFingerprint.summary(fingerprint.stable());
        Files.write(OUT.resolve("summary.txt"), actual, StandardCharsets.UTF_8);

        try (var in = getClass().getResourceAsStream("/demo/fingerprint.txt")) {
            assertThat(in).as("src/test/resources/demo/fingerprint.txt").isNotNull();
            var expected = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .toList();
            assertThat(actual).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void theFingerprintSeesTheDemoPeople() {
        var people = fingerprint.stable().get("person");
        assertThat(people).hasSizeGreaterThanOrEqualTo(41);
        assertThat(String.join("\n", people)).contains("Lena Fischer", "Chloé Dubois", "Priya Natarajan");
    }

    private static void write(String name, Map<String, List<String>> lines) throws IOException {
        Files.createDirectories(OUT);
        var text = new StringBuilder();
        lines.forEach((table, rows) ->
                rows.forEach(r -> text.append(table).append(": ").append(r).append('\n')));
        Files.writeString(OUT.resolve(name), text, StandardCharsets.UTF_8);
    }
}
