package app.rungs.ladder.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.home.ui.HomeView;
import app.rungs.ladder.domain.SpecializationTrack;
import app.rungs.ladder.service.LadderContent;
import app.rungs.ladder.service.LadderContent.CompetencyView;
import app.rungs.ladder.service.LadderService;
import app.rungs.ladder.service.LevelComparison;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.StatementCounter;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** The ladder as everyone sees it: the published matrix, a level page, two levels compared, the version history. */
@IntegrationTest
@WithUserDetails(DemoUsers.ENGINEER)
class LadderBrowserViewTest extends SpringBrowserlessTest {

    @Autowired
    LadderService ladders;

    @Autowired
    EntityManagerFactory emf;

    private LadderContent demo() {
        return ladders.published(ladders.defaultLadderId().orElseThrow()).orElseThrow();
    }

    private void open(String location) {
        var parts = location.split("\\?", 2);
        UI.getCurrent()
                .navigate(parts[0], parts.length == 2 ? QueryParameters.fromString(parts[1]) : QueryParameters.empty());
        roundTrip();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anEngineerBrowsesThePublishedMatrixAndFiltersItBySpecializationAndArea() {
        var content = demo();
        open("ladder");
        assertThat(getCurrentView()).isInstanceOf(LadderBrowserView.class);
        Grid<CompetencyView> matrix = $(Grid.class).id("ladder-matrix");
        assertThat(test(matrix).size()).isEqualTo(content.competencies().size());

        var view = (LadderBrowserView) getCurrentView();
        view.specializationFilter().setValue(SpecializationTrack.SECURITY_COMPLIANCE);
        int security = test(matrix).size();
        assertThat(security).isPositive().isLessThan(content.competencies().size());
        for (int i = 0; i < security; i++) {
            assertThat(test(matrix).getRow(i).specializations()).contains(SpecializationTrack.SECURITY_COMPLIANCE);
        }

        view.specializationFilter().clear();
        var area = content.areas().get(1);
        view.areaFilter().setValue(area);
        assertThat(test(matrix).size())
                .isEqualTo(content.competenciesOf(area.key()).size());
    }

    @Test
    @SuppressWarnings("unchecked")
    void inheritedCellsAreShownAsInheritedWithTheirOrigin() {
        var content = demo();
        var inherited = content.competencies().stream()
                .flatMap(c -> content.levels().stream().map(l -> content.resolve(c.key(), l.key())))
                .filter(LadderContent.Resolved::inherited)
                .findFirst()
                .orElseThrow();
        open("ladder");
        Grid<CompetencyView> matrix = $(Grid.class).id("ladder-matrix");
        for (int row = 0; row < test(matrix).size(); row++) {
            if (test(matrix).getRow(row).key().equals(inherited.competency().key())) {
                var cell = (Div)
                        test(matrix).getCellComponent(row, inherited.level().key());
                assertThat(cell.getClassNames()).contains("cell-inherited");
                assertThat(cell.getElement().getTextRecursively())
                        .contains("from " + inherited.definedAt().key());
                return;
            }
        }
        throw new AssertionError("row not found");
    }

    @Test
    void anEngineerOpensALevelPageWithEverythingItAsksAndLinksToAddEvidence() {
        var content = demo();
        open("ladders/" + content.version().ladderId() + "/levels/DSE-3");
        assertThat(getCurrentView()).isInstanceOf(LadderLevelView.class);

        var asks = content.requirementsOf("DSE-3");
        var inherited = asks.stream()
                .filter(LadderContent.Resolved::inherited)
                .findFirst()
                .orElseThrow();
        var own = asks.stream().filter(r -> !r.inherited()).findFirst().orElseThrow();
        var ownItem = $(Div.class).id("ask-" + own.competency().key());
        assertThat(ownItem.getElement().getTextRecursively())
                .contains("Set at DSE-3", own.expectation().statement());
        var inheritedItem = $(Div.class).id("ask-" + inherited.competency().key());
        assertThat(inheritedItem.getElement().getTextRecursively())
                .contains("from " + inherited.definedAt().key());

        var evidence = $(Anchor.class).id("evidence-" + own.competency().key());
        assertThat(evidence.getHref())
                .isEqualTo("my-evidence?new=1&competency=" + own.competency().key() + "&level=DSE-3");
        assertThat($(Anchor.class).all().stream()
                        .filter(a -> a.getId().orElse("").startsWith("evidence-"))
                        .count())
                .isEqualTo(asks.size());

        test($(Checkbox.class).id("only-new")).click();
        assertThat($(Div.class).all().stream()
                        .filter(d -> d.getId().orElse("").startsWith("ask-"))
                        .count())
                .isEqualTo(asks.stream().filter(r -> !r.inherited()).count());
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void anAdminWithoutAProfileSeesNoEvidenceLinks() {
        open("ladders/" + demo().version().ladderId() + "/levels/DSE-3");
        assertThat(getCurrentView()).isInstanceOf(LadderLevelView.class);
        assertThat($(Anchor.class).all()).noneMatch(a -> a.getId().orElse("").startsWith("evidence-"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anEngineerComparesTwoLevels() {
        var content = demo();
        open("ladders/" + content.version().ladderId() + "/compare");
        assertThat(getCurrentView()).isInstanceOf(CompareLevelsView.class);
        var view = (CompareLevelsView) getCurrentView();
        // Lena holds DSE-2, so the comparison opens on DSE-2 → DSE-3.
        assertThat(view.comparison().lower().key()).isEqualTo("DSE-2");
        assertThat(view.comparison().higher().key()).isEqualTo("DSE-3");
        Grid<LevelComparison.Row> grid = $(Grid.class).id("comparison");
        var expected = LevelComparison.of(content, "DSE-2", "DSE-3");
        long changed = expected.rows().size() - expected.count(LevelComparison.Change.UNCHANGED);
        assertThat(test(grid).size()).isEqualTo((int) changed);
        for (int i = 0; i < test(grid).size(); i++) {
            assertThat(test(grid).getRow(i).change()).isNotEqualTo(LevelComparison.Change.UNCHANGED);
        }

        test($(Checkbox.class).id("show-unchanged")).click();
        assertThat(test(grid).size()).isEqualTo(expected.rows().size());

        Select<LadderContent.LevelView> to = $(Select.class).id("compare-to");
        to.setValue(content.level("SPE-1").orElseThrow());
        var far = LevelComparison.of(content, "DSE-2", "SPE-1");
        assertThat(test(grid).size()).isEqualTo(far.rows().size());
    }

    @Test
    void anEngineerSeesTheVersionHistoryWithoutDrafts() {
        var content = demo();
        open("ladders/" + content.version().ladderId() + "/history");
        assertThat(getCurrentView()).isInstanceOf(LadderHistoryView.class);
        var view = (LadderHistoryView) getCurrentView();
        assertThat(view.diff()).isNotNull();
        assertThat(ladders.history(content.version().ladderId()))
                .noneMatch(v -> v.status().name().equals("DRAFT"));
    }

    @Test
    void anEngineerCannotOpenTheEditor() {
        open("ladders/" + demo().version().ladderId() + "/edit");
        assertThat(getCurrentView()).isNotInstanceOf(LadderEditorView.class);
    }

    @Test
    void anEngineerSeesAtMostSixThingsTheNextLevelAsksAndALinkToAllOfThem() {
        var view = navigate(HomeView.class);
        assertThat(view).isNotNull();
        var items = $(ListItem.class).all().stream()
                .filter(li -> li.getParent()
                        .map(p -> p.getClassNames().contains("asks"))
                        .orElse(false))
                .count();
        assertThat(items).isBetween(1L, 6L);
        var link = $(RouterLink.class).id("next-level-link");
        assertThat(link.getText()).isEqualTo("See everything DSE-3 asks");
        assertThat(link.getHref()).isEqualTo("ladders/" + demo().version().ladderId() + "/levels/DSE-3");
    }

    @Test
    void loadingAScreenOfAVersionTakesAFixedNumberOfStatements() {
        var ladderId = demo().version().ladderId();
        var counter = new StatementCounter(emf);
        open("ladders/" + ladderId + "/browse"); // the shell is built once per UI; count the screens themselves
        var counts = new java.util.LinkedHashMap<String, Long>();
        for (var screen : java.util.List.of(
                "ladder",
                "ladders/" + ladderId + "/browse",
                "ladders/" + ladderId + "/levels/DSE-3",
                "ladders/" + ladderId + "/compare?from=DSE-1&to=DE-1")) {
            counts.put(screen, counter.count(() -> open(screen)));
        }
        // 7 for the screen (who the viewer is, the version in 6 queries) plus what the shell may spend on a navigation
        // (the user's theme; the notification bell); measured 8 once the bell reads its count once per tab.
        assertThat(counts.values()).as("statements per screen: " + counts).allMatch(n -> n <= 10);
    }
}
