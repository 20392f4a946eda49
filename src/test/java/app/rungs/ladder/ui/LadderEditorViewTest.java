package app.rungs.ladder.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.ladder.domain.ExpectationKind;
import app.rungs.ladder.service.LadderContent.CompetencyView;
import app.rungs.ladder.service.LadderDiff;
import app.rungs.ladder.service.LadderLifecycleService;
import app.rungs.ladder.service.LadderService;
import app.rungs.ladder.service.LadderStructureService;
import app.rungs.ladder.service.LadderTemplates;
import app.rungs.people.service.NewPerson;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.StatementCounter;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import jakarta.persistence.EntityManagerFactory;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** The ladder editor: drafts, the expectation matrix in place, structure, checks, publishing and its diff. */
@IntegrationTest
@WithUserDetails(DemoUsers.ADMIN)
class LadderEditorViewTest extends SpringBrowserlessTest {

    @Autowired
    LadderService ladders;

    @Autowired
    LadderLifecycleService lifecycle;

    @Autowired
    LadderStructureService structure;

    @Autowired
    PeopleService people;

    @Autowired
    PersonEditingService peopleEditing;

    @Autowired
    EntityManagerFactory emf;

    private Long ladder() {
        return lifecycle.createFromTemplate(LadderTemplates.DISTRIBUTED_SYSTEMS, "Editor " + UUID.randomUUID());
    }

    private LadderEditorView open(Long ladderId) {
        UI.getCurrent().navigate("ladders/" + ladderId + "/edit");
        roundTrip();
        assertThat(getCurrentView()).isInstanceOf(LadderEditorView.class);
        return (LadderEditorView) getCurrentView();
    }

    private String notifications() {
        return String.join(
                "\n",
                $(Notification.class).all().stream().map(n -> test(n).getText()).toList());
    }

    @SuppressWarnings("unchecked")
    private void clickCell(LadderEditorView editor, String competencyKey, String levelKey) {
        Grid<CompetencyView> grid = $(Grid.class).id("editor-matrix");
        for (int row = 0; row < test(grid).size(); row++) {
            if (test(grid).getRow(row).key().equals(competencyKey)) {
                test((Div) test(grid).getCellComponent(row, levelKey)).click();
                return;
            }
        }
        throw new AssertionError("No row for " + competencyKey);
    }

    @SuppressWarnings("unchecked")
    private void chooseMode(CellEditorDialog.CellMode mode) {
        RadioButtonGroup<CellEditorDialog.CellMode> group =
                $(RadioButtonGroup.class).id("cell-mode");
        group.setValue(mode);
    }

    @Test
    void editingAPublishedLadderStartsADraft() {
        var ladderId = ladder();
        var editor = open(ladderId);
        assertThat(editor.isDraft()).isFalse();
        test($(Button.class).id("start-draft")).click();
        assertThat(editor.isDraft()).isTrue();
        assertThat(ladders.draftOf(ladderId)).isPresent();
        assertThat(editor.content().version().number()).isEqualTo(2);
    }

    @Test
    void anAdminEditsAnExpectationInPlace() {
        var ladderId = ladder();
        var editor = open(ladderId);
        test($(Button.class).id("start-draft")).click();

        clickCell(editor, "container-orchestration", "SPE-1");
        chooseMode(CellEditorDialog.CellMode.EXPECTED);
        test($(TextArea.class).id("cell-statement")).setValue("Owns orchestration across platforms.\nSecond line.");
        test($(TextArea.class).id("cell-examples")).setValue("Multi-cluster failover plan.");
        test($(Button.class).id("cell-save")).click();

        var draft = ladders.content(ladders.draftOf(ladderId).orElseThrow());
        var cell = draft.explicit("container-orchestration", "SPE-1").orElseThrow();
        assertThat(cell.statement()).isEqualTo("Owns orchestration across platforms.\nSecond line.");
        assertThat(cell.examples()).isEqualTo("Multi-cluster failover plan.");
        assertThat(notifications()).contains("Saved what SPE-1 asks of Container Orchestration.");
    }

    @Test
    void anAdminMarksACellNotExpectedAndThenClearsItToInheritAgain() {
        var ladderId = ladder();
        var editor = open(ladderId);
        test($(Button.class).id("start-draft")).click();

        clickCell(editor, "container-orchestration", "DE-1");
        chooseMode(CellEditorDialog.CellMode.NOT_EXPECTED);
        test($(Button.class).id("cell-save")).click();
        var draftId = ladders.draftOf(ladderId).orElseThrow();
        assertThat(ladders.content(draftId)
                        .explicit("container-orchestration", "DE-1")
                        .orElseThrow()
                        .kind())
                .isEqualTo(ExpectationKind.NOT_EXPECTED);

        clickCell(editor, "container-orchestration", "DE-1");
        chooseMode(CellEditorDialog.CellMode.INHERIT);
        test($(Button.class).id("cell-save")).click();
        var content = ladders.content(draftId);
        assertThat(content.explicit("container-orchestration", "DE-1")).isEmpty();
        assertThat(content.resolve("container-orchestration", "DE-1").inherited())
                .isTrue();
    }

    @Test
    void anAdminIsToldWhyALevelCannotBeRemoved() {
        var ladderId = ladder();
        peopleEditing.create(
                new NewPerson(
                        "Holder " + UUID.randomUUID(),
                        UUID.randomUUID() + "@holder.test",
                        "Engineer",
                        null,
                        null,
                        ladderId,
                        "DSE-2",
                        null,
                        null,
                        null,
                        null,
                        LocalDate.now()),
                LocalDate.now());
        var editor = open(ladderId);
        test($(Button.class).id("start-draft")).click();

        editor.selectTab(1);
        test($(Button.class).id("level-DSE-2-remove")).click();
        test($(ConfirmDialog.class).single()).confirm();

        assertThat(notifications())
                .contains("Level DSE-2 cannot be removed: DSE-2 is held by 1 person."
                        + " Move those people to another level first, then remove it.");
        assertThat(editor.content().level("DSE-2")).isPresent();
        assertThat(ladders.content(ladders.draftOf(ladderId).orElseThrow()).level("DSE-2"))
                .isPresent();
    }

    @Test
    void anAdminAddsAndMovesALevelAndRemovesOneNobodyHolds() {
        var ladderId = ladder();
        var editor = open(ladderId);
        test($(Button.class).id("start-draft")).click();

        editor.selectTab(1);
        test($(Button.class).id("add-level-IC")).click();
        test($(TextField.class).id("level-key")).setValue("DSE-4");
        test($(TextField.class).id("level-title")).setValue("Senior Distributed Systems Engineer II");
        test($(Button.class).id("level-save")).click();
        assertThat(editor.content().levelsOf("IC"))
                .extracting(l -> l.key())
                .containsExactly("DSE-1", "DSE-2", "DSE-3", "DSE-4");

        test($(Button.class).id("level-DSE-4-up")).click();
        assertThat(editor.content().levelsOf("IC"))
                .extracting(l -> l.key())
                .containsExactly("DSE-1", "DSE-2", "DSE-4", "DSE-3");

        test($(Button.class).id("level-DSE-4-remove")).click();
        test($(ConfirmDialog.class).single()).confirm();
        assertThat(editor.content().level("DSE-4")).isEmpty();
    }

    @Test
    void anAdminAddsACompetencyAndSeesWhatBlocksPublishing() {
        var ladderId = ladder();
        var editor = open(ladderId);
        test($(Button.class).id("start-draft")).click();
        assertThat($(UnorderedList.class).all())
                .noneMatch(l -> "publish-problems".equals(l.getId().orElse("")));

        editor.selectTab(2);
        test($(Button.class).id("add-competency-foundations")).click();
        test($(TextField.class).id("competency-name")).setValue("Chaos Engineering");
        test($(Button.class).id("competency-save")).click();

        var problems = $(UnorderedList.class).id("publish-problems");
        assertThat(problems.getElement().getTextRecursively())
                .contains("Competency \"Chaos Engineering\" is not expected at any level.");
        test($(Button.class).id("publish")).click();
        assertThat($(Button.class).id("publish-confirm").isEnabled()).isFalse();
    }

    @Test
    void anAdminPublishesVersionTwoAndSeesTheDiff() {
        var ladderId = ladder();
        var editor = open(ladderId);
        test($(Button.class).id("start-draft")).click();
        clickCell(editor, "container-orchestration", "DSE-2");
        chooseMode(CellEditorDialog.CellMode.EXPECTED);
        test($(TextArea.class).id("cell-statement")).setValue("Runs stateful workloads safely.");
        test($(Button.class).id("cell-save")).click();

        test($(Button.class).id("publish")).click();
        test($(TextArea.class).id("publish-note")).setValue("Sharper DSE-2 orchestration");
        test($(Button.class).id("publish-confirm")).click();

        assertThat(getCurrentView()).isInstanceOf(LadderHistoryView.class);
        var history = (LadderHistoryView) getCurrentView();
        assertThat($(H3.class).id("diff-title").getText()).isEqualTo("What changed from version 1 to version 2");
        assertThat(history.diff().expectations()).singleElement().satisfies(change -> {
            assertThat(change.change()).isEqualTo(LadderDiff.Change.CHANGED);
            assertThat(change.levelKey()).isEqualTo("DSE-2");
            assertThat(change.after().statement()).isEqualTo("Runs stateful workloads safely.");
        });
        assertThat(ladders.published(ladderId).orElseThrow().version().changeNote())
                .isEqualTo("Sharper DSE-2 orchestration");
    }

    @Test
    void aStaleEditorIsToldSomeoneElseChangedTheDraftAndShowsTheirChange() {
        var ladderId = ladder();
        var editor = open(ladderId);
        test($(Button.class).id("start-draft")).click();
        // Another admin renames a tier meanwhile.
        var draftId = ladders.draftOf(ladderId).orElseThrow();
        structure.updateTier(draftId, ladders.content(draftId).version().version(), "IC", "Engineers", null);

        editor.selectTab(1);
        test($(Button.class).id("level-DSE-2-down")).click();

        assertThat(notifications()).contains("was changed by someone else while you were editing");
        assertThat(editor.content().tier("IC").orElseThrow().name()).isEqualTo("Engineers");
        assertThat(ladders.content(draftId).levelsOf("IC"))
                .extracting(l -> l.key())
                .containsExactly("DSE-1", "DSE-2", "DSE-3");
    }

    @Test
    void anAdminDiscardsADraft() {
        var ladderId = ladder();
        var editor = open(ladderId);
        test($(Button.class).id("start-draft")).click();
        test($(Button.class).id("discard-draft")).click();
        test($(ConfirmDialog.class).single()).confirm();
        assertThat(ladders.draftOf(ladderId)).isEmpty();
        assertThat(editor.isDraft()).isFalse();
    }

    @Test
    void openingTheEditorTakesAFixedNumberOfStatements() {
        var ladderId = ladder();
        lifecycle.startDraft(ladderId);
        var counter = new StatementCounter(emf);
        long statements = counter.count(() -> open(ladderId));
        assertThat(statements).isLessThanOrEqualTo(8);
    }
}
