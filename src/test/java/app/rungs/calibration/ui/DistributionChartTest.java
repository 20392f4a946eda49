package app.rungs.calibration.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.calibration.service.BoardEntry;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The distribution charts are ECharts options built from the data, with the same numbers in their data tables. */
class DistributionChartTest {

    static final List<String> SCALE = List.of("Below", "Meets", "Exceeds", "Greatly exceeds");

    private static List<DistributionChart.Bar> bars() {
        return List.of(
                new DistributionChart.Bar(
                        "DSE-1", "IC", DistributionChart.count(SCALE, Arrays.asList("Meets", "Meets", null))),
                new DistributionChart.Bar(
                        "DSE-2",
                        "IC",
                        DistributionChart.count(
                                SCALE, List.of("Below", "Meets", "Meets", "Meets", "Exceeds", "Exceeds"))));
    }

    private static JsonNode series(JsonNode option, String name) {
        for (var s : option.get("series")) {
            if (s.get("name").asString().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no series " + name);
    }

    private static Double value(JsonNode series, int i) {
        var v = series.get("data").get(i).get("value");
        return v.isNull() ? null : v.asDouble();
    }

    @Test
    void aStackedSeriesPerRatingCountsTheEngineersOfEachLevel() {
        var option = DistributionChart.option(SCALE, bars());
        assertThat(option.get("xAxis").get("data").get(0).asString()).isEqualTo("DSE-1\nIC");
        var meets = series(option, "Meets");
        assertThat(meets.get("stack").asString()).isEqualTo("total");
        assertThat(value(meets, 0)).isEqualTo(2.0);
        assertThat(value(meets, 1)).isEqualTo(3.0);
        assertThat(value(series(option, "Below"), 0)).isNull();
        assertThat(value(series(option, DistributionChart.NOT_RATED), 0)).isEqualTo(1.0);
        assertThat(meets.get("itemStyle").get("color").asString()).isEqualTo(DistributionChart.color(SCALE, "Meets"));
        assertThat(series(option, DistributionChart.NOT_RATED)
                        .get("itemStyle")
                        .get("color")
                        .asString())
                .isEqualTo(DistributionChart.NOT_RATED_COLOR);
        // The click key names the rating and the level (not the two-line axis label).
        assertThat(meets.get("data").get(1).get("key").get("category").asString())
                .isEqualTo("DSE-2");
        assertThat(meets.get("data").get(1).get("key").get("series").asString()).isEqualTo("Meets");
    }

    @Test
    void ratingsLowestFirstAndNotRatedOnlyWhenSomeoneIsUnrated() {
        var rated = List.of(new DistributionChart.Bar(
                "SPE-1", "STAFF", DistributionChart.count(SCALE, List.of("Exceeds", "Greatly exceeds", "Meets"))));
        var option = DistributionChart.option(SCALE, rated);
        var names = new java.util.ArrayList<String>();
        option.get("series").forEach(s -> names.add(s.get("name").asString()));
        assertThat(names).containsExactlyElementsOf(SCALE);
    }

    @Test
    void theDataTableHasTheSameNumbers() {
        var table = DistributionChart.table(SCALE, bars());
        assertThat(table.headers())
                .containsExactly("Level", "Below", "Meets", "Exceeds", "Greatly exceeds", "Not rated", "Total");
        assertThat(table.rows().get(1).cells()).containsExactly("DSE-2 (IC)", "1", "3", "2", "0", "0", "6");
    }

    @Test
    void countsPerRatingTreatUnknownRatingsAsNotRated() {
        var counts = DistributionChart.count(SCALE, Arrays.asList("Meets", null, "Retired rating", "Meets"));
        assertThat(counts)
                .containsEntry("Meets", 2)
                .containsEntry("Below", 0)
                .containsEntry(DistributionChart.NOT_RATED, 2);
        assertThat(new DistributionChart.Bar("x", null, counts).total()).isEqualTo(4);
    }

    @Test
    void managersStandNextToTheWholeSessionAndTheGuidelineInShares() {
        var entries = List.of(
                entry("Daniel Okafor", "Exceeds"),
                entry("Daniel Okafor", "Exceeds"),
                entry("Daniel Okafor", "Meets"),
                entry("Sofia Rossi", "Meets"));
        var guideline = Optional.of(Map.of("Below", 10.0, "Meets", 60.0, "Exceeds", 25.0, "Greatly exceeds", 5.0));
        var columns = ManagerDistribution.columns(SCALE, entries, BoardEntry::finalRating, guideline);
        assertThat(columns)
                .extracting(ManagerDistribution.Column::label)
                .containsExactly(
                        ManagerDistribution.SESSION, ManagerDistribution.GUIDELINE, "Daniel Okafor", "Sofia Rossi");
        assertThat(columns.get(0).percents()).containsEntry("Exceeds", 50.0).containsEntry("Meets", 50.0);
        assertThat(columns.get(2).percents()).containsEntry("Exceeds", 66.7).containsEntry("Meets", 33.3);
        var option = ManagerDistribution.option(SCALE, columns);
        assertThat(option.get("yAxis").get("max").asInt()).isEqualTo(100);
        assertThat(value(series(option, "Meets"), 1)).isEqualTo(60.0);
        var table = ManagerDistribution.table(SCALE, columns);
        assertThat(table.rows().get(2).cells())
                .containsExactly("Daniel Okafor", "3", "0 (0%)", "1 (33%)", "2 (67%)", "0 (0%)");
        assertThat(table.rows().get(1).cells()).containsExactly("Guideline", "—", "10%", "60%", "25%", "5%");
    }

    @Test
    void withoutAGuidelineForTheScaleOnlyTheSessionAndManagersShow() {
        var columns = ManagerDistribution.columns(
                SCALE, List.of(entry(null, null)), BoardEntry::finalRating, Optional.empty());
        assertThat(columns)
                .extracting(ManagerDistribution.Column::label)
                .containsExactly(ManagerDistribution.SESSION, ManagerDistribution.NO_MANAGER);
        assertThat(columns.get(1).counts()).containsEntry(DistributionChart.NOT_RATED, 1);
    }

    private static BoardEntry entry(String manager, String rating) {
        return new BoardEntry(
                1L, 1L, 1L, "Someone", null, null, null, manager, 1L, "DSE-1", null, null, null, null, null, null, null,
                rating, null, null, null, null, 0, null);
    }
}
