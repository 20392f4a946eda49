package app.rungs.evidence.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.evidence.EvidenceFixtures;
import app.rungs.evidence.domain.EvidenceSource;
import app.rungs.evidence.domain.EvidenceStatus;
import app.rungs.evidence.service.EvidenceRow;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.security.service.AccountService;
import app.rungs.support.IntegrationTest;
import app.rungs.support.RunAs;
import app.rungs.webhook.WebhookTestClient;
import app.rungs.webhook.service.WebhookSettingsService;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The engineer's side of a webhook draft, without a browser: a merged pull request arrives over HTTP, the engineer
 * finds it in "My evidence" marked "From GitHub", opens it, completes it (competencies, impact) and submits it.
 */
@IntegrationTest
class CompletingAWebhookDraftTest extends SpringBrowserlessTest {

    static final String WANDA = "wanda.hooks@evidence.test";

    @LocalServerPort
    int port;

    @Autowired
    EvidenceService evidence;

    @Autowired
    RunAs runAs;

    @Autowired
    WebhookSettingsService settings;

    @BeforeAll
    static void wanda(
            @Autowired PeopleService people,
            @Autowired PersonEditingService peopleEditing,
            @Autowired AccountService accounts,
            @Autowired UserDetailsService users,
            @Autowired EvidenceService evidence) {
        new EvidenceFixtures(people, peopleEditing, accounts, users, evidence)
                .ensureEngineer(WANDA, "Wanda Hooks", "DSE-2");
    }

    @SuppressWarnings("unchecked")
    private Grid<EvidenceRow> myGrid() {
        return $(Grid.class).id("my-evidence-grid");
    }

    @Test
    @WithUserDetails(WANDA)
    void theEngineerOpensTheDraftFromMyEvidenceCompletesAndSubmitsIt() {
        WebhookTestClient.configure(runAs, settings, WANDA);
        var sent = new WebhookTestClient(port)
                .gitHub(
                        "pull_request",
                        WebhookTestClient.mergedPullRequest(4242),
                        UUID.randomUUID().toString());
        assertThat(sent.body()).contains("\"draftsCreated\":1");

        navigate(MyEvidenceView.class);
        assertThat(test(myGrid()).size()).isEqualTo(1);
        var row = test(myGrid()).getRow(0);
        assertThat(row.source()).isEqualTo(EvidenceSource.GITHUB);
        assertThat(row.status()).isEqualTo(EvidenceStatus.DRAFT);

        test(myGrid()).clickRow(0);
        assertThat($(Span.class).all()).anyMatch(s -> "From GitHub".equals(s.getText()));
        // The draft has no competencies and no impact yet: it is completed in the editor, not submitted as it is.
        assertThat(evidence.details(row.id()).may().submit()).isFalse();
        assertThat($(Button.class).all()).noneMatch(b -> "Submit for review".equals(b.getText()));
        assertThat($(Button.class).all())
                .anyMatch(b -> "evidence-edit".equals(b.getId().orElse(null)));
        test($(Button.class).id("evidence-edit")).click();
        var editor = $(EvidenceEditor.class).all().stream()
                .filter(EvidenceEditor::isOpened)
                .findFirst()
                .orElseThrow();
        assertThat(editor.title.getValue()).isEqualTo("Update the README with new information.");
        test($(Button.class).id("evidence-save-submit")).click();
        assertThat(editor.isOpened()).isTrue();
        assertThat(evidence.details(row.id()).status()).isEqualTo(EvidenceStatus.DRAFT);

        editor.competencies.setValue(Set.of("failure-modes-network-partitions"));
        editor.impact.setValue("New contributors set up the project in minutes instead of an afternoon.");
        test($(Button.class).id("evidence-save-submit")).click();

        assertThat(editor.isOpened()).isFalse();
        var saved = evidence.details(row.id());
        assertThat(saved.status()).isEqualTo(EvidenceStatus.SUBMITTED);
        assertThat(saved.source()).isEqualTo(EvidenceSource.GITHUB);
        assertThat(saved.details()).containsEntry("project", "Codertocat/Hello-World");
    }
}
