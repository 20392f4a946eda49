package app.rungs.ladder.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pay bands and Markdown expectation text travel through ladder YAML and CSV unchanged; files without bands still
 * read; a wrong band is refused with a message that says which level, field and rule.
 */
class PayBandFilesRoundTripTest {

    private final LadderYaml yaml = new LadderYaml();
    private final LadderCsvWriter csvWriter = new LadderCsvWriter();
    private final LadderCsvReader csvReader = new LadderCsvReader();

    private static final String MARKDOWN = "Owns a service end to end:\n\n- on-call for it\n- writes its"
            + " [runbook](https://example.com/runbook)\n\nLine one  \nline two";

    private static LadderDocument withBands() {
        var doc = Documents.template();
        var key = doc.tiers().getFirst().levels().get(1).key();
        var next = doc.tiers().getFirst().levels().get(2).key();
        return PayBandStore.withBands(
                doc,
                Map.of(
                        key,
                        List.of(
                                new PayBand(key, "EUR", 70_000, 80_000, 90_000, LocalDate.of(2026, 1, 1)),
                                new PayBand(key, "USD", 95_000, 110_000, 125_000, LocalDate.of(2026, 4, 1))),
                        next,
                        List.of(new PayBand(next, "EUR", 85_000, 97_500, 110_000, LocalDate.of(2026, 1, 1)))));
    }

    private static LadderDocument withStatement(LadderDocument doc, String statement) {
        var area = doc.areas().getFirst();
        var c = area.competencies().getFirst();
        var e = c.expectations().getFirst();
        var changed = new LadderDocument.CompetencyDoc(
                c.key(),
                c.name(),
                c.description(),
                c.specializations(),
                concat(
                        new LadderDocument.ExpectationDoc(e.level(), statement, e.examples(), e.notExpected()),
                        c.expectations().subList(1, c.expectations().size())));
        var areaChanged = new LadderDocument.AreaDoc(
                area.key(),
                area.name(),
                area.description(),
                concat(
                        changed,
                        area.competencies().subList(1, area.competencies().size())));
        return new LadderDocument(
                doc.schema(),
                doc.name(),
                doc.description(),
                doc.readinessRule(),
                doc.tracks(),
                doc.tiers(),
                concat(areaChanged, doc.areas().subList(1, doc.areas().size())));
    }

    private static <T> List<T> concat(T first, List<T> rest) {
        var list = new java.util.ArrayList<T>();
        list.add(first);
        list.addAll(rest);
        return list;
    }

    @Test
    void yamlCarriesPayBandsAndMarkdownLosslessly() {
        var doc = withStatement(withBands(), MARKDOWN);
        var text = yaml.write(doc);
        assertThat(text).contains("payBands:", "currency: EUR", "effective: \"2026-04-01\"");
        var back = yaml.readValidated(text.getBytes(UTF_8));
        assertThat(back).isEqualTo(doc);
        assertThat(yaml.write(back)).isEqualTo(text);
        assertThat(back.areas()
                        .getFirst()
                        .competencies()
                        .getFirst()
                        .expectations()
                        .getFirst()
                        .statement())
                .isEqualTo(MARKDOWN);
    }

    @Test
    void csvCarriesPayBandsInAnOptionalColumnAndMarkdownInItsCells() {
        var doc = withStatement(withBands(), MARKDOWN);
        var text = LadderCsvPayBands.addColumn(csvWriter.write(doc), doc);
        assertThat(text.lines().findFirst().orElseThrow()).endsWith(",pay bands");
        assertThat(text)
                .contains("EUR 70000 / 80000 / 90000 from 2026-01-01; USD 95000 / 110000 / 125000 from 2026-04-01");
        var back = LadderCsvPayBands.read(
                text.getBytes(UTF_8), b -> csvReader.readValidated(b, doc.name(), doc.description(), doc), Map.of());
        assertThat(PayBandStore.of(back)).isEqualTo(PayBandStore.of(doc));
        assertThat(back.areas()
                        .getFirst()
                        .competencies()
                        .getFirst()
                        .expectations()
                        .getFirst()
                        .statement())
                .isEqualTo(MARKDOWN);
        assertThat(LadderCsvPayBands.addColumn(csvWriter.write(back), back)).isEqualTo(text);
    }

    @Test
    void aCsvWithoutThePayBandsColumnStillReadsAndKeepsTheLaddersBands() {
        var doc = withBands();
        var plain = csvWriter.write(doc);
        assertThat(LadderCsvPayBands.addColumn(plain, Documents.template()))
                .as("no bands, no column")
                .isEqualTo(csvWriter.write(Documents.template()));
        var kept = PayBandStore.of(doc);
        var back = LadderCsvPayBands.read(
                plain.getBytes(UTF_8), b -> csvReader.readValidated(b, doc.name(), doc.description(), doc), kept);
        assertThat(PayBandStore.of(back)).isEqualTo(kept);
        var fresh = LadderCsvPayBands.read(
                plain.getBytes(UTF_8), b -> csvReader.readValidated(b, doc.name(), null, null), Map.of());
        assertThat(PayBandStore.of(fresh)).isEmpty();
    }

    @Test
    void aBandWithMidBelowMinIsRefusedInYamlWithTheFieldAndRule() {
        var doc = withBands();
        var text = yaml.write(doc).replace("mid: 80000", "mid: 60000").replace("currency: USD", "currency: XYZ");
        assertThatThrownBy(() -> yaml.readValidated(text.getBytes(UTF_8)))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("payBands[0].mid: (60000) is below min (70000); min ≤ mid ≤ max")
                .hasMessageContaining("payBands[1].currency: 'XYZ' is not an ISO 4217 currency code");
    }

    @Test
    void aMalformedBandCellInCsvIsRefusedWithItsLine() {
        var doc = withBands();
        var text = LadderCsvPayBands.addColumn(csvWriter.write(doc), doc)
                .replace("EUR 85000 / 97500 / 110000 from 2026-01-01", "EUR 85000 / 97500 / 80000 from 2026-01-01")
                .replace("USD 95000 / 110000 / 125000 from 2026-04-01", "USD ninety thousand");
        assertThatThrownBy(() -> LadderCsvPayBands.read(
                        text.getBytes(UTF_8),
                        b -> csvReader.readValidated(b, doc.name(), doc.description(), doc),
                        Map.of()))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("Line 3, column pay bands: 'USD ninety thousand' is not a pay band")
                .hasMessageContaining("Line 4, column pay bands: DSE-3 EUR band: max (80000) is below mid (97500)");
    }

    @Test
    void theVersionDiffListsAddedChangedAndRemovedBands() {
        var d = LocalDate.of(2026, 1, 1);
        var before = Map.of(
                "DSE-1", List.of(new PayBand("DSE-1", "EUR", 1, 2, 3, d)),
                "DSE-2", List.of(new PayBand("DSE-2", "EUR", 4, 5, 6, d)));
        var after = Map.of(
                "DSE-2", List.of(new PayBand("DSE-2", "EUR", 4, 5, 7, d), new PayBand("DSE-2", "USD", 1, 1, 1, d)));
        var changes = LadderPayBandService.diff(before, after);
        assertThat(changes)
                .extracting(c -> c.levelKey() + " " + c.currency() + " " + c.kind())
                .containsExactlyInAnyOrder("DSE-2 EUR Changed", "DSE-2 USD Added", "DSE-1 EUR Removed");
        assertThat(changes.stream()
                        .filter(c -> c.kind().equals("Changed"))
                        .findFirst()
                        .orElseThrow()
                        .after())
                .isEqualTo("EUR 4 / 5 / 7 from 2026-01-01");
    }
}
