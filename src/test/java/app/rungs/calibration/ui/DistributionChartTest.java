package app.rungs.calibration.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The distribution chart is a real chart: SVG drawn from the data, with proportional bars, labels and a legend. */
class DistributionChartTest {

    static final List<String> SCALE = List.of("Below", "Meets", "Exceeds", "Greatly exceeds");

    private static Document parse(String svg) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> elements(Document doc, String tag) {
        var list = doc.getElementsByTagName(tag);
        var result = new ArrayList<Element>();
        for (int i = 0; i < list.getLength(); i++) {
            result.add((Element) list.item(i));
        }
        return result;
    }

    private static List<Element> segments(Document doc) {
        return elements(doc, "rect").stream()
                .filter(r -> r.getAttribute("class").equals("dist-segment"))
                .toList();
    }

    private static double number(Element e, String attribute) {
        return Double.parseDouble(e.getAttribute(attribute));
    }

    @Test
    void barHeightsAreProportionalToTheCounts() throws Exception {
        var bars = List.of(
                new DistributionChart.Bar(
                        "DSE-1", "IC", DistributionChart.count(SCALE, Arrays.asList("Meets", "Meets", null))),
                new DistributionChart.Bar(
                        "DSE-2",
                        "IC",
                        DistributionChart.count(
                                SCALE, List.of("Below", "Meets", "Meets", "Meets", "Exceeds", "Exceeds"))));
        var doc = parse(DistributionChart.svg("Final ratings by level", SCALE, bars));

        var segments = segments(doc);
        assertThat(segments).hasSize(5);
        var unitHeights = segments.stream()
                .mapToDouble(s -> number(s, "height") / Integer.parseInt(s.getAttribute("data-count")))
                .summaryStatistics();
        assertThat(unitHeights.getMax() - unitHeights.getMin())
                .as("height per engineer is the same everywhere")
                .isLessThan(0.1);
        // The tallest bar (6) reaches the top of the axis, which is rounded up to 6 (step 2).
        var dse2 = segments.stream()
                .filter(s ->
                        ((Element) s.getParentNode()).getAttribute("data-level").equals("DSE-2"))
                .mapToDouble(s -> number(s, "height"))
                .sum();
        assertThat(dse2).isCloseTo(DistributionChart.PLOT_HEIGHT, org.assertj.core.data.Offset.offset(0.5));
        var dse1 = segments.stream()
                .filter(s ->
                        ((Element) s.getParentNode()).getAttribute("data-level").equals("DSE-1"))
                .mapToDouble(s -> number(s, "height"))
                .sum();
        assertThat(dse1 / dse2).isCloseTo(3.0 / 6.0, org.assertj.core.data.Offset.offset(0.01));

        // Segments stack without gaps from the baseline: lowest rating at the bottom, unrated on top.
        var dse1Segments = segments.stream()
                .filter(s ->
                        ((Element) s.getParentNode()).getAttribute("data-level").equals("DSE-1"))
                .toList();
        assertThat(dse1Segments).extracting(s -> s.getAttribute("data-rating")).containsExactly("Meets", "Not rated");
        var meets = dse1Segments.get(0);
        var unrated = dse1Segments.get(1);
        assertThat(number(unrated, "y") + number(unrated, "height"))
                .isCloseTo(number(meets, "y"), org.assertj.core.data.Offset.offset(0.11));
        assertThat(number(meets, "y") + number(meets, "height"))
                .isCloseTo(
                        DistributionChart.TOP + DistributionChart.PLOT_HEIGHT,
                        org.assertj.core.data.Offset.offset(0.11));
        // Colors follow the scale; "not rated" is grey.
        assertThat(meets.getAttribute("fill")).isEqualTo(DistributionChart.color(SCALE, "Meets"));
        assertThat(unrated.getAttribute("fill")).isEqualTo(DistributionChart.NOT_RATED_COLOR);
    }

    @Test
    void axisLevelLabelsTotalsAndLegendArePresent() throws Exception {
        var bars = List.of(new DistributionChart.Bar(
                "SPE-1", "STAFF", DistributionChart.count(SCALE, List.of("Exceeds", "Greatly exceeds", "Meets"))));
        var doc = parse(DistributionChart.svg("Proposed ratings by level", SCALE, bars));
        var texts = elements(doc, "text").stream()
                .collect(java.util.stream.Collectors.groupingBy(
                        t -> t.getAttribute("class"),
                        java.util.stream.Collectors.mapping(
                                Element::getTextContent, java.util.stream.Collectors.toList())));
        assertThat(texts.get("dist-label")).containsExactly("SPE-1");
        assertThat(texts.get("dist-caption")).containsExactly("STAFF");
        assertThat(texts.get("dist-total")).containsExactly("3");
        assertThat(texts.get("dist-axis")).containsExactly("0", "1", "2", "3");
        assertThat(texts.get("dist-axis dist-axis-title")).containsExactly("Engineers");
        assertThat(texts.get("dist-legend-label")).containsExactly("Below", "Meets", "Exceeds", "Greatly exceeds");
        assertThat(doc.getDocumentElement().getAttribute("aria-label")).isEqualTo("Proposed ratings by level");
        assertThat(elements(doc, "title").getFirst().getTextContent()).isEqualTo("Proposed ratings by level");
    }

    @Test
    void everyTextFromTheDataIsEscaped() throws Exception {
        var scale = List.of("<script>alert(1)</script>", "A & \"B\" 'C'");
        var counts = new HashMap<String, Integer>(Map.of(scale.get(0), 1, scale.get(1), 2));
        var svg = DistributionChart.svg(
                "Ratings of <b>", scale, List.of(new DistributionChart.Bar("L<1>&", "t\"x", counts)));
        assertThat(svg).doesNotContain("<script>", "<b>", "L<1>");
        assertThat(svg)
                .contains(
                        "&lt;script&gt;alert(1)&lt;/script&gt;",
                        "A &amp; &quot;B&quot; &#39;C&#39;",
                        "L&lt;1&gt;&amp;");
        // Still well-formed, and the texts read back unchanged.
        var doc = parse(svg);
        assertThat(elements(doc, "text").stream().map(Element::getTextContent))
                .contains("L<1>&", "t\"x", "<script>alert(1)</script>", "A & \"B\" 'C'");
        assertThat(DistributionChart.escape("a\u0001b")).isEqualTo("a b");
    }

    @Test
    void anEmptyChartSaysSoAndTheAxisStepsStayReadable() throws Exception {
        var doc = parse(DistributionChart.svg("Final ratings by level", SCALE, List.of()));
        assertThat(segments(doc)).isEmpty();
        assertThat(elements(doc, "text").stream().map(Element::getTextContent)).contains("No engineers match");
        assertThat(DistributionChart.step(1)).isEqualTo(1);
        assertThat(DistributionChart.step(5)).isEqualTo(1);
        assertThat(DistributionChart.step(6)).isEqualTo(2);
        assertThat(DistributionChart.step(18)).isEqualTo(5);
        assertThat(DistributionChart.step(120)).isEqualTo(50);
    }

    @Test
    void countingPutsUnknownAndMissingRatingsUnderNotRated() {
        var counts = DistributionChart.count(SCALE, Arrays.asList("Meets", null, "Retired rating", "Meets"));
        assertThat(counts)
                .containsEntry("Meets", 2)
                .containsEntry("Below", 0)
                .containsEntry(DistributionChart.NOT_RATED, 2);
        assertThat(new DistributionChart.Bar("x", null, counts).total()).isEqualTo(4);
    }
}
