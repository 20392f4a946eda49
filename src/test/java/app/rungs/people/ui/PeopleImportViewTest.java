package app.rungs.people.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.people.service.ImportRow;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.internal.MockVaadin;
import com.vaadin.flow.server.VaadinSession;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

/** The import screen: upload, dry run with progress, apply, and the same file again. */
@IntegrationTest
@WithUserDetails(DemoUsers.ADMIN)
class PeopleImportViewTest extends SpringBrowserlessTest {

    private PeopleImportView current;

    private void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            // Runs what the background thread pushed with UI.access, as a browser round trip would.
            MockVaadin.runUIQueue(false, VaadinSession.getCurrent());
            roundTrip();
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Timed out waiting for the import; status: "
                + (current == null ? "" : current.status.getText() + " / " + current.progressText.getText()));
    }

    @Test
    void anAdminImportsAnHrisFileTwiceAndNothingChangesTheSecondTime() throws InterruptedException {
        var tag = UUID.randomUUID().toString().substring(0, 8);
        var csv = "Name,Email,Title,Team,Manager Email,Ladder,Level Key,Start Date,Role\n"
                + "Ivy Import," + tag + ".ivy@import.example,Engineer,Import " + tag + "," + tag
                + ".ola@import.example,Distributed Systems Engineering,DSE-1,2024-01-08,ENGINEER\n"
                + "Ola Owner," + tag + ".ola@import.example,Engineering Manager,Import " + tag + ","
                + DemoUsers.DIRECTOR + ",Distributed Systems Engineering,SPE-1,2019-03-04,MANAGER\n";
        var bytes = csv.getBytes(StandardCharsets.UTF_8);

        var view = PeopleViewsTest.target(navigate(PeopleImportView.class));
        current = view;
        test(view.upload).upload("hris.csv", "text/csv", bytes);
        await(() -> view.preview != null);
        assertThat(view.preview.creates()).isEqualTo(2);
        assertThat(view.preview.newTeams()).containsExactly("Import " + tag);
        assertThat(view.apply.isEnabled()).isTrue();
        assertThat(view.apply.getText()).isEqualTo("Apply 2 changes");

        var first = view.preview;
        test(view.apply).click();
        await(() -> view.result != null && view.preview != first);
        assertThat(view.result.created()).isEqualTo(2);
        // Right after applying, the same file previews as unchanged.
        assertThat(view.preview.creates()).isZero();
        assertThat(view.preview.updates()).isZero();
        assertThat(view.apply.isEnabled()).isFalse();

        var second = PeopleViewsTest.target(navigate(PeopleImportView.class));
        current = second;
        test(second.upload).upload("hris.csv", "text/csv", bytes);
        await(() -> second.preview != null);
        assertThat(second.preview.creates()).isZero();
        assertThat(second.preview.updates()).isZero();
        assertThat(second.preview.unchanged()).isEqualTo(2);
        assertThat(second.apply.isEnabled()).isFalse();
    }

    @Test
    void aFileWithErrorsShowsThemPerRowAndCannotBeApplied() throws InterruptedException {
        var csv = "name,email,title,team,manager email,ladder,level key,start date,role\n"
                + "Bad Level,bad.level@import.example,,,,Distributed Systems Engineering,DSE-7,,\n"
                + "Good Row,good.row." + UUID.randomUUID().toString().substring(0, 6) + "@import.example,,,,,,,\n";
        var view = PeopleViewsTest.target(navigate(PeopleImportView.class));
        current = view;
        test(view.upload).upload("bad.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        await(() -> view.preview != null);
        assertThat(view.preview.errors()).isEqualTo(1);
        assertThat(view.apply.isEnabled()).isFalse();
        assertThat(view.show.getValue()).isEqualTo(PeopleImportView.Show.ERRORS);
        assertThat(test(view.rows).size()).isEqualTo(1);
        ImportRow row = test(view.rows).getRow(0);
        assertThat(row.line()).isEqualTo(2);
        assertThat(row.errors()).singleElement().asString().startsWith("Unknown level \"DSE-7\"");
    }
}
