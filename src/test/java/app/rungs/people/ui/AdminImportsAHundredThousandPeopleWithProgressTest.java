package app.rungs.people.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.people.service.ImportPreview;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.internal.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.server.VaadinSession;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * An admin imports a whole organization's export (at a small size here: more rows than the preview lists): the dry
 * run and the apply run off the UI thread with a progress bar and the steps done so far, the preview counts every row
 * and lists a bounded number, and a second apply cannot start while the first runs.
 */
@IntegrationTest
@WithUserDetails(DemoUsers.ADMIN)
class AdminImportsAHundredThousandPeopleWithProgressTest extends SpringBrowserlessTest {

    static final int ROWS = ImportPreview.MAX_ROWS_LISTED + 600;

    @Autowired
    JdbcTemplate jdbc;

    private void await(PeopleImportView view, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            MockVaadin.runUIQueue(false, VaadinSession.getCurrent());
            roundTrip();
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Timed out; status: " + view.status.getText() + " / " + view.progressText.getText());
    }

    private static String texts(Component c) {
        return c.getElement().getTextRecursively();
    }

    @Test
    void anAdminImportsAWholeOrganizationWithProgressAndCannotApplyTwice() throws InterruptedException {
        var tag = UUID.randomUUID().toString().substring(0, 8);
        var csv = new StringBuilder("name,email,title,team,manager email,ladder,level key,start date,role\n");
        for (int i = ROWS - 1; i >= 0; i--) {
            var manager = i == 0 ? DemoUsers.DIRECTOR : tag + ".w" + (i - 1) / 6 + "@whole.example";
            csv.append("Whole ")
                    .append(i)
                    .append(',')
                    .append(tag)
                    .append(".w")
                    .append(i)
                    .append("@whole.example,")
                    .append("Engineer,Whole ")
                    .append(tag)
                    .append(' ')
                    .append(i / 100)
                    .append(',')
                    .append(manager)
                    .append(",Distributed Systems Engineering,DSE-2,2021-06-01,ENGINEER\n");
        }
        long peopleBefore = jdbc.queryForObject("select count(*) from person", Long.class);

        var view = PeopleViewsTest.target(navigate(PeopleImportView.class));
        test(view.upload).upload("whole.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        // The dry run started in the background: the bar shows, nothing can be applied yet.
        assertThat(view.progress.isVisible()).isTrue();
        assertThat(view.apply.isEnabled()).isFalse();
        await(view, () -> view.preview != null);

        assertThat(view.progress.isVisible()).isFalse();
        assertThat(view.preview.rowCount()).isEqualTo(ROWS);
        assertThat(view.preview.creates()).isEqualTo(ROWS);
        assertThat(view.preview.rows()).hasSize(ImportPreview.MAX_ROWS_LISTED);
        assertThat(texts(view.fileProblems))
                .contains("The list shows 2,000 of the " + String.format("%,d", ROWS) + " rows");
        assertThat(texts(view.phases)).contains("Reading the file", "Checking " + String.format("%,d", ROWS) + " rows");
        assertThat(view.apply.getText()).isEqualTo("Apply " + String.format("%,d", ROWS) + " changes");

        test(view.apply).click();
        assertThat(view.progress.isVisible()).isTrue();
        assertThat(view.progressText.getText()).startsWith("Importing whole.csv");
        assertThat(view.apply.isEnabled()).isFalse();
        // A second apply while the first runs (a double click, a click racing the disabled state) starts nothing.
        view.startApply();
        var first = view.preview;
        await(view, () -> view.result != null && view.preview != first && !view.progress.isVisible());

        assertThat(view.result.created()).isEqualTo(ROWS);
        assertThat(view.status.getText()).startsWith("Imported whole.csv").doesNotContain("Another import");
        assertThat(jdbc.queryForObject("select count(*) from person", Long.class))
                .isEqualTo(peopleBefore + ROWS);
        assertThat(texts(view.phases))
                .contains("Saving: " + String.format("%,d", ROWS), "Creating accounts: " + String.format("%,d", ROWS));
        assertThat(view.preview.unchanged()).isEqualTo(ROWS);
        assertThat(view.progressBar.getValue()).isBetween(0.0, 1.0);
    }
}
