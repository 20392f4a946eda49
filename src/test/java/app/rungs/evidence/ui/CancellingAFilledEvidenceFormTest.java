package app.rungs.evidence.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.evidence.EvidenceFixtures;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.security.service.AccountService;
import app.rungs.support.IntegrationTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

/** Cancel on the evidence editor closes an untouched form at once and asks before throwing typed work away. */
@IntegrationTest
class CancellingAFilledEvidenceFormTest extends SpringBrowserlessTest {

    static final String OWEN = "owen.cancel@evidence.test";

    @BeforeAll
    static void owen(
            @Autowired PeopleService people,
            @Autowired PersonEditingService peopleEditing,
            @Autowired AccountService accounts,
            @Autowired UserDetailsService users,
            @Autowired EvidenceService evidence) {
        new EvidenceFixtures(people, peopleEditing, accounts, users, evidence)
                .ensureEngineer(OWEN, "Owen Cancel", "DSE-2");
    }

    private EvidenceEditor openEditor() {
        navigate(MyEvidenceView.class);
        test($(Button.class).id("log-evidence")).click();
        return $(EvidenceEditor.class).all().stream()
                .filter(EvidenceEditor::isOpened)
                .findFirst()
                .orElseThrow();
    }

    @Test
    @WithUserDetails(OWEN)
    void cancellingAnUntouchedFormClosesItWithoutAsking() {
        var editor = openEditor();
        test($(Button.class).id("evidence-cancel")).click();
        assertThat(editor.isOpened()).isFalse();
        assertThat($(ConfirmDialog.class).all()).isEmpty();
    }

    @Test
    @WithUserDetails(OWEN)
    void cancellingAFilledFormAsksFirstAndKeepsTheWorkUnlessDiscarded() {
        var editor = openEditor();
        editor.title.setValue("Half-written story about the rollout");
        test($(Button.class).id("evidence-cancel")).click();

        assertThat(editor.isOpened()).isTrue();
        var ask = $(ConfirmDialog.class).single();
        assertThat(ask.isOpened()).isTrue();
        test(ask).cancel();
        assertThat(editor.isOpened()).isTrue();
        assertThat(editor.title.getValue()).isEqualTo("Half-written story about the rollout");

        test($(Button.class).id("evidence-cancel")).click();
        test($(ConfirmDialog.class).all().stream()
                        .filter(ConfirmDialog::isOpened)
                        .findFirst()
                        .orElseThrow())
                .confirm();
        assertThat(editor.isOpened()).isFalse();
    }
}
