package app.rungs.ladder.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.ladder.service.ImportFormat;
import app.rungs.ladder.service.LadderFileService;
import app.rungs.ladder.service.LadderFormat;
import app.rungs.ladder.service.LadderLifecycleService;
import app.rungs.ladder.service.LadderService;
import app.rungs.ladder.service.LadderSummary;
import app.rungs.ladder.service.LadderTemplates;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.StatementCounter;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** The ladders list for admins: creating ladders three ways, and being told why a ladder cannot be retired. */
@IntegrationTest
@WithUserDetails(DemoUsers.ADMIN)
class LaddersViewTest extends SpringBrowserlessTest {

    @Autowired
    LadderService ladders;

    @Autowired
    LadderFileService files;

    @Autowired
    LadderLifecycleService lifecycle;

    @Autowired
    EntityManagerFactory emf;

    private String notifications() {
        return String.join(
                "\n",
                $(Notification.class).all().stream().map(n -> test(n).getText()).toList());
    }

    private LadderSummary byName(String name) {
        return ladders.list().stream()
                .filter(l -> l.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void anAdminCreatesALadderFromTheTemplate() {
        navigate(LaddersView.class);
        test($(Button.class).id("new-from-template")).click();
        var name = "Platform ladder " + UUID.randomUUID();
        test($(TextField.class).id("template-name")).setValue(name);
        test($(Button.class).id("adopt-template")).click();

        assertThat(getCurrentView()).isInstanceOf(LadderEditorView.class);
        var created = byName(name);
        assertThat(created.publishedNumber()).isEqualTo(1);
        assertThat(created.levelCount()).isEqualTo(7);
        assertThat(created.competencyCount()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void anAdminCreatesABlankLadderAndLandsInItsDraft() {
        navigate(LaddersView.class);
        test($(Button.class).id("new-ladder")).click();
        var name = "Blank " + UUID.randomUUID();
        test($(TextField.class).id("blank-name")).setValue(name);
        test($(Button.class).id("create-blank")).click();

        assertThat(getCurrentView()).isInstanceOf(LadderEditorView.class);
        var editor = (LadderEditorView) getCurrentView();
        assertThat(editor.getPageTitle()).isEqualTo("Edit · " + name);
        assertThat(byName(name).draftNumber()).isEqualTo(1);
    }

    @Test
    void anAdminImportsACsvFileAsANewLadder() {
        var source =
                lifecycle.createFromTemplate(LadderTemplates.DISTRIBUTED_SYSTEMS, "Csv source " + UUID.randomUUID());
        var csv = files.export(ladders.published(source).orElseThrow().version().id(), LadderFormat.CSV)
                .content();
        navigate(LaddersView.class);
        test($(Button.class).id("import-ladder")).click();
        test($(Upload.class).single()).upload("platform-matrix.csv", "text/csv", csv);
        var name = "From CSV " + UUID.randomUUID();
        test($(TextField.class).id("import-name")).setValue(name);
        test($(Button.class).id("import-submit")).click();

        assertThat(getCurrentView()).isInstanceOf(LadderEditorView.class);
        var imported = byName(name);
        assertThat(imported.draftNumber()).isEqualTo(1);
        assertThat(imported.competencyCount()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void anAdminIsShownEveryProblemOfABadFileAndNothingIsImported() throws Exception {
        long before = ladders.count();
        var bytes = Files.readAllBytes(Path.of("src/test/resources/ladder-import/bad/unknown-level.yaml"));
        navigate(LaddersView.class);
        test($(Button.class).id("import-ladder")).click();
        test($(Upload.class).single()).upload("unknown-level.yaml", "application/yaml", bytes);
        test($(Button.class).id("import-submit")).click();

        assertThat(getCurrentView()).isInstanceOf(LaddersView.class);
        assertThat($(ListItem.class).all())
                .extracting(li -> li.getElement().getText())
                .contains(
                        "Line 20, field areas[0].competencies[0].expectations[1].level: 'L9' is not a level of this ladder.");
        assertThat(ladders.count()).isEqualTo(before);
    }

    @Test
    void anAdminSeesEveryProblemOfASpreadsheetAtOnceWithItsRowAndNothingIsImported() throws Exception {
        long before = ladders.count();
        var bytes = Files.readAllBytes(Path.of("src/test/resources/ladder-imports/several-problems.csv"));
        navigate(LaddersView.class);
        test($(Button.class).id("import-ladder")).click();
        test($(Upload.class).single()).upload("several-problems.csv", "text/csv", bytes);
        assertThat($(Select.class).id("import-format").getHelperText())
                .isEqualTo("Detected: " + ImportFormat.LADDER_CSV.label() + ".");
        test($(Button.class).id("import-submit")).click();

        assertThat(getCurrentView()).isInstanceOf(LaddersView.class);
        assertThat($(Span.class).all())
                .extracting(Span::getText)
                .contains("Nothing was imported: the file has 4 problems. Fix them and upload the file again.");
        assertThat($(ListItem.class).all())
                .extracting(li -> li.getElement().getText())
                .containsSubsequence(
                        "Row 3, column specialization: 'QUANTUM' is not a specialization; use one of"
                                + " CLOUD_INFRASTRUCTURE, DATA_INFRASTRUCTURE, RESEARCH_PROTOCOL_DESIGN,"
                                + " SECURITY_COMPLIANCE.",
                        "Row 5, column level: the level 'Senior Enginer' looks like a typo of 'Senior Engineer' (row"
                                + " 2); did you mean 'Senior Engineer'?",
                        "Row 7, column level: competency testing has two expectations for STAFF-ENGINEER.",
                        "Row 8, column competency: an expectation needs a competency.");
        assertThat(ladders.count()).isEqualTo(before);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAdminStartsALadderFromAnFtJobFamily() throws Exception {
        var bytes = Files.readAllBytes(Path.of("src/test/resources/ladder-imports/ft/engineering.yml"));
        navigate(LaddersView.class);
        test($(Button.class).id("import-ladder")).click();
        test($(Upload.class).single()).upload("engineering.yml", "application/yaml", bytes);
        Select<ImportFormat> format = $(Select.class).id("import-format");
        assertThat(format.getHelperText()).isEqualTo("Detected: " + ImportFormat.FT_PROGRESSION.label() + ".");
        test(format).selectItem(ImportFormat.FT_PROGRESSION.label());
        var name = "FT " + UUID.randomUUID();
        test($(TextField.class).id("import-name")).setValue(name);
        test($(Button.class).id("import-submit")).click();

        assertThat(getCurrentView()).isInstanceOf(LadderEditorView.class);
        var imported = byName(name);
        assertThat(imported.levelCount()).isEqualTo(8);
        assertThat(imported.competencyCount()).isEqualTo(9);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAdminIsToldWhyALadderCannotBeRetired() {
        var demo = byName("Distributed Systems Engineering");
        navigate(LaddersView.class);
        Grid<LadderSummary> grid = $(Grid.class).id("ladders");
        int row = -1;
        for (int i = 0; i < test(grid).size(); i++) {
            if (test(grid).getRow(i).id().equals(demo.id())) {
                row = i;
            }
        }
        assertThat(row).isNotNegative();
        var actions = test(grid).getCellComponent(row, "actions");
        test($(Button.class, actions).id("retire-" + demo.id())).click();
        test($(ConfirmDialog.class).single()).confirm();

        assertThat(notifications())
                .contains("Ladder Distributed Systems Engineering cannot be retired while")
                .contains("hold one of its levels. Move them to another ladder first.");
        assertThat(byName("Distributed Systems Engineering").retired()).isFalse();
    }

    @Test
    void anAdminRenamesALadder() {
        var id = lifecycle.createFromTemplate(LadderTemplates.DISTRIBUTED_SYSTEMS, "Old name " + UUID.randomUUID());
        navigate(LaddersView.class);
        var summary = ladders.list().stream()
                .filter(l -> l.id().equals(id))
                .findFirst()
                .orElseThrow();
        var newName = "New name " + UUID.randomUUID();
        openRename(summary);
        test($(TextField.class).id("rename-name")).setValue(newName);
        test($(Button.class).id("rename-save")).click();
        assertThat(ladders.list().stream()
                        .filter(l -> l.id().equals(id))
                        .findFirst()
                        .orElseThrow()
                        .name())
                .isEqualTo(newName);
    }

    @SuppressWarnings("unchecked")
    private void openRename(LadderSummary summary) {
        Grid<LadderSummary> grid = $(Grid.class).id("ladders");
        for (int i = 0; i < test(grid).size(); i++) {
            if (test(grid).getRow(i).id().equals(summary.id())) {
                test($(Button.class, test(grid).getCellComponent(i, "actions")).id("rename-" + summary.id()))
                        .click();
                return;
            }
        }
        throw new AssertionError("ladder not in the list");
    }

    @Test
    void theLaddersListTakesTheSameNumberOfStatementsWhateverTheNumberOfLadders() {
        var counter = new StatementCounter(emf);
        // Leave the view first each time: Vaadin reuses a view instance when navigating to the route it shows.
        navigate(LaddersView.class);
        navigate(app.rungs.home.ui.HomeView.class);
        long before = counter.count(() -> {
            navigate(LaddersView.class);
            test($(Grid.class).id("ladders")).size();
        });
        lifecycle.createFromTemplate(LadderTemplates.DISTRIBUTED_SYSTEMS, "More " + UUID.randomUUID());
        lifecycle.createBlank("Even more " + UUID.randomUUID(), null);
        navigate(app.rungs.home.ui.HomeView.class);
        long after = counter.count(() -> {
            navigate(LaddersView.class);
            test($(Grid.class).id("ladders")).size();
        });
        assertThat(after).isEqualTo(before).isLessThanOrEqualTo(6);
    }
}
