package app.rungs.ladder.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.ladder.domain.ExpectationKind;
import app.rungs.ladder.service.LadderContent.CompetencyView;
import app.rungs.ladder.service.LadderDraftService;
import app.rungs.ladder.service.LadderLifecycleService;
import app.rungs.ladder.service.LadderService;
import app.rungs.ladder.service.LadderTemplates;
import app.rungs.shared.ui.MarkdownText;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Reading the matrix in place: a long expectation is cut to a few lines with "Show all" in the cell itself (no
 * dialog), Markdown lists and line breaks survive, and the competency column stays frozen while six levels scroll.
 */
@IntegrationTest
@WithUserDetails(DemoUsers.ADMIN)
class MatrixReadingViewTest extends SpringBrowserlessTest {

    static final String LONG = """
            Leads the reliability work of a whole product area:
            sets the error budget with product and holds the line when it is spent.

            - runs the incident review and follows every action to done
            - writes the on-call handbook and keeps it current
            - coaches two or more engineers into the on-call rotation
            - [reads the SLO guide](https://sre.example.com/slo)
            """;

    @Autowired
    LadderLifecycleService lifecycle;

    @Autowired
    LadderDraftService drafts;

    @Autowired
    LadderService ladders;

    @Test
    @SuppressWarnings("unchecked")
    void aReaderOpensALongExpectationInPlaceAndTheCompetencyColumnStaysFrozen() {
        var ladderId =
                lifecycle.createFromTemplate(LadderTemplates.DISTRIBUTED_SYSTEMS, "Reading " + System.nanoTime());
        var draftId = lifecycle.startDraft(ladderId);
        var cell = ladders.content(draftId).expectations().stream()
                .filter(e -> e.levelKey().equals("DSE-3") && e.kind() == ExpectationKind.EXPECTED)
                .findFirst()
                .orElseThrow();
        drafts.setExpectation(
                draftId, cell.competencyKey(), "DSE-3", ExpectationKind.EXPECTED, LONG, null, cell.version());
        lifecycle.publish(draftId, ladders.content(draftId).version().version(), "Long text");

        UI.getCurrent().navigate("ladders/" + ladderId + "/browse");
        roundTrip();
        Grid<CompetencyView> matrix = $(Grid.class).id("ladder-matrix");
        assertThat(matrix.getColumnByKey("competency").isFrozen()).isTrue();
        assertThat(matrix.getColumns())
                .hasSize(1 + ladders.published(ladderId).orElseThrow().levels().size());

        int row = 0;
        while (!test(matrix).getRow(row).key().equals(cell.competencyKey())) {
            row++;
        }
        var box = (Div) test(matrix).getCellComponent(row, "DSE-3");
        var text = box.getChildren()
                .filter(MarkdownText.class::isInstance)
                .findFirst()
                .orElseThrow();
        assertThat(text.getElement().getTextRecursively()).contains("coaches two or more engineers");
        assertThat(text.getElement()
                        .getChildren()
                        .filter(e -> !e.isTextNode() && "ul".equals(e.getTag()))
                        .count())
                .as("the list is a list")
                .isEqualTo(1);
        assertThat(text.getElement()
                        .getChildren()
                        .anyMatch(p -> p.getChildren().anyMatch(c -> !c.isTextNode() && "br".equals(c.getTag()))))
                .as("the line break is kept")
                .isTrue();

        var toggle = box.getChildren()
                .filter(NativeButton.class::isInstance)
                .map(NativeButton.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(toggle.getText()).isEqualTo("Show all");
        assertThat(box.hasClassName("cell-open")).isFalse();
        test(toggle).click();
        assertThat(box.hasClassName("cell-open")).isTrue();
        assertThat(toggle.getText()).isEqualTo("Show less");
        assertThat(toggle.getElement().getAttribute("aria-expanded")).isEqualTo("true");
        assertThat($(Dialog.class).all()).as("read in place, not in a dialog").isEmpty();

        // Rendered again (scrolled out of view and back), the cell stays open.
        var again = (Div) test(matrix).getCellComponent(row, "DSE-3");
        assertThat(again.hasClassName("cell-open")).isTrue();

        var shortCell = ladders.published(ladderId).orElseThrow().expectations().stream()
                .filter(e ->
                        e.kind() == ExpectationKind.EXPECTED && e.statement().length() < 60)
                .findFirst();
        shortCell.ifPresent(
                e -> assertThat(Matrix.clipped(e.statement(), false)).isFalse());
        assertThat(Matrix.clipped(LONG, false)).isTrue();
    }
}
