package app.rungs.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.ladder.service.ImportException;
import app.rungs.ladder.service.LadderFileService;
import app.rungs.ladder.service.LadderService;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The corpus of bad ladder files in src/test/resources/ladder-import/bad: each is refused as a whole, with the message
 * listed in expected-messages.csv (line numbers included), and nothing is imported.
 */
@IntegrationTest
@WithUserDetails(DemoUsers.ADMIN)
class BadLadderFilesTest {

    private static final Path CORPUS = Path.of("src/test/resources/ladder-import/bad");

    @Autowired
    LadderService ladders;

    @Autowired
    LadderFileService files;

    static Map<String, String> expectedMessages() {
        try (var reader = Files.newBufferedReader(CORPUS.resolve("expected-messages.csv"), StandardCharsets.UTF_8)) {
            var map = new TreeMap<String, String>();
            CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)
                    .forEach(r -> map.put(r.get("file"), r.get("expected message")));
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Arguments> badFiles() {
        return expectedMessages().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @Test
    void theCorpusHasAtLeastFifteenFilesAndEveryOneHasAnExpectedMessage() throws IOException {
        try (var files = Files.list(CORPUS)) {
            var names = files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("expected-messages.csv"))
                    .sorted()
                    .toList();
            assertThat(names).hasSizeGreaterThanOrEqualTo(15);
            assertThat(expectedMessages().keySet()).containsExactlyElementsOf(names);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aBadFileIsRefusedWithItsLineAndNothingIsImported(String file, String expected) throws IOException {
        var bytes = Files.readAllBytes(CORPUS.resolve(file));
        long before = ladders.count();
        assertThatThrownBy(() -> files.importNewLadder(file, bytes, "Corpus " + UUID.randomUUID()))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining(expected);
        assertThat(ladders.count()).isEqualTo(before);
    }

    @Test
    void anOversizedUploadIsRefusedBeforeParsing() {
        var bytes = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(bytes, (byte) 'x');
        assertThatThrownBy(() -> files.importNewLadder("huge.yaml", bytes, null))
                .isInstanceOf(ImportException.class)
                .hasMessage("The file is 3 MB; ladder files may be at most 2 MB.");
    }

    @Test
    void aFileThatIsNeitherYamlNorCsvIsRefusedByName() {
        assertThatThrownBy(() -> files.importNewLadder("ladder.xlsx", new byte[] {1, 2, 3}, "X"))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("Choose a .yaml, .yml or .csv file");
    }
}
