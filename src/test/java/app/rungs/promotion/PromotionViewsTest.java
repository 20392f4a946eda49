package app.rungs.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.promotion.domain.CaseStatus;
import app.rungs.promotion.service.CaseFilter;
import app.rungs.promotion.service.CaseRow;
import app.rungs.promotion.service.PromotionService;
import app.rungs.promotion.ui.PromotionCaseView;
import app.rungs.promotion.ui.PromotionsView;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.StatementCounter;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import jakarta.persistence.EntityManagerFactory;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.test.context.support.WithUserDetails;

/** The promotion screens as the demo people use them, on the demo cases. */
@IntegrationTest
class PromotionViewsTest extends SpringBrowserlessTest {

    @Autowired
    PromotionService promotions;

    @Autowired
    app.rungs.promotion.service.PromotionQueries queries;

    @Autowired
    EntityManagerFactory emf;

    @SuppressWarnings("unchecked")
    private Grid<CaseRow> grid() {
        return $(Grid.class).first();
    }

    private java.util.List<CaseRow> rows() {
        var grid = grid();
        return IntStream.range(0, test(grid).size())
                .mapToObj(i -> test(grid).getRow(i))
                .toList();
    }

    private Long caseOf(String engineerName) {
        return promotions.find(new CaseFilter(null, null, null, engineerName), PageRequest.of(0, 5)).stream()
                .filter(r -> r.engineerName().equals(engineerName) && r.status().open())
                .findFirst()
                .orElseThrow()
                .id();
    }

    private PromotionCaseView openCase(Long id) {
        return navigate(PromotionCaseView.class, Map.of("id", String.valueOf(id)));
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void aManagerSeesTheCasesOfTheirLineAndFiltersThemByStatus() {
        var counter = new StatementCounter(emf);
        long statements = counter.count(() -> {
            navigate(PromotionsView.class);
            test(grid()).size();
        });
        assertThat(rows())
                .extracting(CaseRow::engineerName)
                .contains("Lena Fischer", "Tomás Novák", "Yuki Tanaka", "Olga Petrova")
                .doesNotContain("Ethan Brooks");
        // Chloé is outside Daniel's line, but he reviews her case.
        assertThat(rows()).extracting(CaseRow::engineerName).contains("Chloé Dubois");

        var view = (PromotionsView) getCurrentView();
        test($(ComboBox.class)
                        .withPropertyValue(ComboBox::getPlaceholder, "Status")
                        .single())
                .selectItem(CaseStatus.SUBMITTED.label());
        assertThat(rows()).isNotEmpty().allMatch(r -> r.status() == CaseStatus.SUBMITTED);
        assertThat(rows()).extracting(CaseRow::engineerName).contains("Lena Fischer");
        assertThat(view).isNotNull();
        assertThat($(Button.class).withText("Nominate").single().isVisible()).isTrue();
        // Opening the list: the shell (theme, bell), the filter options, the open-case check, and one grid page
        // with its count, each scoped by the manager's reporting line (4 statements per lookup). The two filter
        // option lists are scoped too (only cycles and levels of cases the manager may see), hence 26, not 22.
        assertThat(statements).isLessThanOrEqualTo(26);
        System.out.printf("Statements: opening the promotions list = %d%n", statements);
    }

    @Test
    @WithUserDetails(DemoUsers.ENGINEER)
    void anEngineerSeesOnlyTheirOwnCaseAndCannotNominateAgainWhileItIsOpen() {
        navigate(PromotionsView.class);
        assertThat(rows()).isNotEmpty().allMatch(r -> r.engineerName().equals("Lena Fischer"));
        // Hidden: managers nominate, and Lena already has an open case.
        assertThat($(Button.class).withText("Nominate").exists()).isFalse();
        assertThat($(Button.class).withText("Nominate myself").exists()).isFalse();
    }

    @Test
    @WithUserDetails(DemoUsers.ENGINEER)
    void anEngineerNeverSeesCommitteeNotesOnTheirCasePage() {
        var id = queries.myOpenCase().orElseThrow().id();
        var view = openCase(id);
        var text = view.getElement().getTextRecursively();
        assertThat(text)
                .contains("Lena, please add the design review")
                .contains("Readiness")
                .contains("Reviewers")
                .doesNotContain("Expect questions on cross-team scope")
                .doesNotContain("Committee note")
                .doesNotContain("I rely on her designs");
        assertThat($(Button.class).withText("Withdraw").exists()).isTrue();
        assertThat($(Button.class).withText("Return for changes").exists()).isFalse();
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void aManagerSeesThePacketCoverageTheCommitteeNoteAndTheReviewersSignOffs() {
        var id = caseOf("Lena Fischer");
        var counter = new StatementCounter(emf);
        long statements = counter.count(() -> openCase(id));
        var text = getCurrentView().getElement().getTextRecursively();
        assertThat(text)
                .contains("Expect questions on cross-team scope")
                .contains("Committee note · not shown to Lena Fischer")
                .contains("I rely on her designs")
                .contains("Fault Tolerance & Resilience")
                .contains("expectations of DSE-3 are backed by acknowledged evidence");
        assertThat($(Span.class).withClassName("readiness-percent").single().getText())
                .endsWith("%");
        assertThat($(Button.class).withText("Return for changes").exists()).isTrue();
        // The case page: the case, its reviewers, timeline, comments, the engineer and the ladder, the evidence.
        assertThat(statements).isLessThanOrEqualTo(45);
        System.out.printf("Statements: opening a case page = %d%n", statements);
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void aManagerNominatesAnEngineerOfTheirLineThroughTheDialog() {
        navigate(PromotionsView.class);
        test($(Button.class).withText("Nominate").single()).click();
        var dialog = $(Dialog.class).single();
        @SuppressWarnings("unchecked")
        ComboBox<Object> engineer = $(ComboBox.class, dialog)
                .withPropertyValue(ComboBox::getLabel, "Engineer")
                .single();
        test(engineer).selectItem("Ravi Iyer · SPE-2");
        @SuppressWarnings("unchecked")
        ComboBox<Object> target = $(ComboBox.class, dialog)
                .withPropertyValue(ComboBox::getLabel, "Target level")
                .single();
        assertThat(target.getValue()).isNotNull();
        test($(TextArea.class, dialog).single()).setValue("Ravi sets the storage architecture across three teams.");
        test($(Button.class, dialog).withText("Nominate").single()).click();

        assertThat(getCurrentView()).isInstanceOf(PromotionCaseView.class);
        var details = ((PromotionCaseView) getCurrentView()).getPageTitle();
        assertThat(details).isEqualTo("Ravi Iyer · DE-1 promotion case");
        assertThat($(Button.class).withText("Submit").exists()).isTrue();
    }
}
