package app.rungs.attack;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.ladder.domain.ExpectationKind;
import app.rungs.ladder.service.LadderContent;
import app.rungs.ladder.service.LadderDraftService;
import app.rungs.ladder.service.LadderLifecycleService;
import app.rungs.ladder.service.LadderService;
import app.rungs.ladder.service.LadderTemplates;
import app.rungs.shared.text.MarkdownXssCorpusTest;
import app.rungs.shared.text.SafeMarkdown;
import app.rungs.shared.ui.MarkdownText;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.QueryParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Expectation text is Markdown written by admins (or imported from files) and read by everyone: a statement carrying
 * a script, a {@code javascript:} link or an event handler renders inert on every ladder screen, and real links get
 * {@code rel="nofollow noopener"}. Screens that show expectations (matrix, level page, compare, version diff, home,
 * coverage, packet) all render through {@link MarkdownText}; the PDF through {@link SafeMarkdown#toPlainText}.
 */
@IntegrationTest
@WithUserDetails(DemoUsers.ADMIN)
class ExpectationMarkdownAttackTest extends SpringBrowserlessTest {

    static final String HOSTILE = """
            Ships safely<script>alert('matrix')</script>
            - [click me](javascript:alert(1))
            - <img src=x onerror=alert(2)>
            - <a href="https://evil.example" onclick="alert(3)">handler</a>
            - read [the docs](https://docs.example.com/guide)
            """;

    @Autowired
    LadderLifecycleService lifecycle;

    @Autowired
    LadderDraftService drafts;

    @Autowired
    LadderService ladders;

    /** A ladder of its own (so the demo ladder stays as it is) whose DSE-2 statement is hostile, published. */
    private LadderContent publishedWithHostileStatement() {
        var ladderId =
                lifecycle.createFromTemplate(LadderTemplates.DISTRIBUTED_SYSTEMS, "Hostile " + System.nanoTime());
        var draftId = lifecycle.startDraft(ladderId);
        var draft = ladders.content(draftId);
        var cell = draft.expectations().stream()
                .filter(e -> e.levelKey().equals("DSE-2") && e.kind() == ExpectationKind.EXPECTED)
                .findFirst()
                .orElseThrow();
        drafts.setExpectation(
                draftId, cell.competencyKey(), "DSE-2", ExpectationKind.EXPECTED, HOSTILE, null, cell.version());
        lifecycle.publish(draftId, ladders.content(draftId).version().version(), "Hostile statement");
        return ladders.published(ladderId).orElseThrow();
    }

    private void open(String location, QueryParameters query) {
        UI.getCurrent().navigate(location, query);
        roundTrip();
    }

    @Test
    void aHostileStatementRendersInertOnTheMatrixLevelPageCompareAndDiff() {
        var content = publishedWithHostileStatement();
        var ladderId = content.version().ladderId();
        var screens = List.of(
                "ladders/" + ladderId + "/browse",
                "ladders/" + ladderId + "/levels/DSE-2",
                "ladders/" + ladderId + "/compare",
                "ladders/" + ladderId + "/history");
        for (var screen : screens) {
            var query = screen.endsWith("compare")
                    ? QueryParameters.simple(java.util.Map.of("from", "DSE-1", "to", "DSE-2"))
                    : QueryParameters.empty();
            open(screen, query);
            var roots = rendered();
            var text = new StringBuilder();
            roots.forEach(r -> text.append(r.getTextRecursively()).append('\n'));
            assertThat(text.toString()).as("the statement shows on %s", screen).contains("Ships safely");
            roots.forEach(r -> assertInert(r, screen));
            var links = roots.stream()
                    .flatMap(r -> all(r).stream())
                    .filter(e ->
                            "a".equals(e.getTag()) && "https://docs.example.com/guide".equals(e.getAttribute("href")))
                    .toList();
            assertThat(links).as("the real link on %s", screen).isNotEmpty();
            links.forEach(a -> assertThat(a.getAttribute("rel")).contains("nofollow", "noopener"));
        }
    }

    @Test
    void everyCorpusEntryRendersInertInTheSharedMarkdownComponentAndAsPdfText() {
        for (var markdown : MarkdownXssCorpusTest.corpus()) {
            var rendered = new MarkdownText("Intro\n\n" + markdown);
            assertInert(rendered.getElement(), markdown);
            if (markdown.startsWith("[")) {
                // A Markdown link's target is printed only when it is http(s).
                var pdfText = SafeMarkdown.toPlainText(markdown).toLowerCase(Locale.ROOT);
                assertThat(pdfText)
                        .as("PDF text of %s", markdown)
                        .doesNotContain("script:")
                        .doesNotContain("data:");
            }
        }
    }

    /** The page and every grid cell it renders (grids render cells only on demand). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<Element> rendered() {
        var roots = new ArrayList<Element>();
        roots.add(getCurrentView().getElement());
        for (Grid grid : $(Grid.class).all()) {
            var tester = test(grid);
            for (int row = 0; row < tester.size(); row++) {
                for (int col = 0; col < grid.getColumns().size(); col++) {
                    // Text columns carry no user Markdown; component columns render it.
                    if (((Grid.Column) grid.getColumns().get(col)).getRenderer() instanceof ComponentRenderer) {
                        roots.add(tester.getCellComponent(row, col).getElement());
                    }
                }
            }
        }
        return roots;
    }

    private static void assertInert(Element root, String where) {
        for (var e : all(root)) {
            var tag = e.getTag() == null ? "" : e.getTag().toLowerCase(Locale.ROOT);
            // The app's own markup inside MarkdownText only: Vaadin's own elements never carry user text as tags.
            if (!insideMarkdown(e)) {
                continue;
            }
            assertThat(tag)
                    .as("element in user Markdown on %s", where)
                    .isNotIn("script", "img", "iframe", "object", "embed", "svg", "math", "form", "input", "style");
            for (var name : e.getAttributeNames().toList()) {
                assertThat(name.toLowerCase(Locale.ROOT))
                        .as("attribute of <%s> on %s", tag, where)
                        .doesNotStartWith("on")
                        .isNotEqualTo("style");
                var value = String.valueOf(e.getAttribute(name))
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("\\s", "");
                assertThat(value)
                        .as("attribute %s on %s", name, where)
                        .doesNotContain("javascript:")
                        .doesNotStartWith("data:");
            }
            assertThat(e.getProperty("innerHTML"))
                    .as("no raw HTML on %s", where)
                    .isNull();
        }
    }

    private static boolean insideMarkdown(Element e) {
        for (var p = e; p != null; p = p.getParent()) {
            if (p.getClassList().contains("markdown")) {
                return true;
            }
        }
        return false;
    }

    private static List<Element> all(Element root) {
        var result = new ArrayList<Element>();
        var stack = new ArrayList<Element>();
        stack.add(root);
        while (!stack.isEmpty()) {
            var e = stack.removeLast();
            if (e.isTextNode()) {
                continue;
            }
            result.add(e);
            e.getChildren().forEach(stack::add);
            e.getComponent()
                    .ifPresent(c -> c.getChildren()
                            .map(com.vaadin.flow.component.Component::getElement)
                            .filter(child -> child.getParent() != e)
                            .forEach(stack::add));
        }
        return result;
    }
}
