package app.rungs.evidence.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import app.rungs.evidence.EvidenceFixtures;
import app.rungs.evidence.domain.EvidenceStatus;
import app.rungs.evidence.domain.EvidenceType;
import app.rungs.evidence.service.EvidenceAuthoring;
import app.rungs.evidence.service.EvidenceFilter;
import app.rungs.evidence.service.EvidenceInput;
import app.rungs.evidence.service.EvidenceReview;
import app.rungs.evidence.service.EvidenceRow;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.evidence.service.ReviewRow;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.shared.ui.MarkdownText;
import app.rungs.shared.ui.UploadStorage;
import app.rungs.shared.ui.UploadedFile;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadEvent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

/** The evidence screens as engineers and managers use them, without a browser. */
@IntegrationTest
class EvidenceScreensTest extends SpringBrowserlessTest {

    static final String NORA = "nora.screens@evidence.test";
    static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final String XSS = """
            Safe **bold** text.

            <script>alert('xss')</script> <img src=x onerror=alert(1)>
            [click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=)
            """;

    static Long noraId;
    static Map<String, Long> items = new HashMap<>();
    static Long attachmentId;

    @Autowired
    EvidenceService evidence;

    @Autowired
    EvidenceAuthoring evidenceAuthoring;

    @Autowired
    EvidenceReview evidenceReview;

    @Autowired
    EvidenceServices evidenceServices;

    @BeforeAll
    static void noraWithSubmittedEvidence(
            @Autowired PeopleService people,
            @Autowired PersonEditingService peopleEditing,
            @Autowired AccountService accounts,
            @Autowired UserDetailsService users,
            @Autowired EvidenceService evidence,
            @Autowired EvidenceAuthoring evidenceAuthoring) {
        var fx = new EvidenceFixtures(people, peopleEditing, accounts, users, evidence);
        fx.ensureEngineer(NORA, "Nora Screens", "DSE-2");
        noraId = fx.personOf(NORA);
        for (var title : List.of(
                "Screens: to return", "Screens: bulk A", "Screens: bulk B", "Screens: XSS", "Screens: counted")) {
            var input = EvidenceFixtures.postmortem(title);
            var withXss = title.endsWith("XSS")
                    ? new EvidenceInput(
                            input.type(),
                            input.title(),
                            input.occurredOn(),
                            XSS,
                            input.impact(),
                            input.levelKey(),
                            input.competencyKeys(),
                            input.links(),
                            input.details())
                    : input;
            items.put(title, fx.as(NORA, () -> evidenceAuthoring.create(withXss, true)));
        }
        attachmentId = fx.as(NORA, () -> evidenceAuthoring.addAttachment(items.get("Screens: XSS"), "pm.pdf", PDF));
    }

    private EvidenceEditor editor() {
        return $(EvidenceEditor.class).first();
    }

    private EvidenceDetailsDialog details() {
        return $(EvidenceDetailsDialog.class).first();
    }

    @SuppressWarnings("unchecked")
    private Grid<EvidenceRow> myGrid() {
        return $(Grid.class).id("my-evidence-grid");
    }

    @SuppressWarnings("unchecked")
    private Grid<ReviewRow> reviewGrid() {
        return $(Grid.class).id("review-grid");
    }

    private TextField field(String id) {
        return $(TextField.class).id(id);
    }

    @SuppressWarnings("unchecked")
    private <T> ComboBox<T> combo(String id) {
        return $(ComboBox.class).id(id);
    }

    @SuppressWarnings("unchecked")
    private Select<String> levelSelect() {
        return $(Select.class).id("coverage-level");
    }

    private void open(String route, Map<String, String> query) {
        UI.getCurrent().navigate(route, QueryParameters.simple(query));
        roundTrip();
    }

    private List<String> menu() {
        return $(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
    }

    // ------------------------------------------------------------ engineer

    @Test
    @WithUserDetails(NORA)
    @SuppressWarnings("unchecked")
    void anEngineerLogsAPostmortemAndSubmitsIt() {
        navigate(MyEvidenceView.class);
        test($(Button.class).id("log-evidence")).click();
        var editor = editor();
        assertThat(editor.isOpened()).isTrue();
        assertThat(editor.level.getValue()).isEqualTo("DSE-3");
        editor.type.setValue(EvidenceType.INCIDENT_POSTMORTEM);
        editor.title.setValue("Screens: partition postmortem logged in the UI");
        editor.competencies.setValue(Set.of("failure-modes-network-partitions"));
        editor.description.setValue("The **partition** split the quorum.");
        editor.impact.setValue("Fencing shipped.");
        test($(TextField.class).id("evidence-field-incidentId")).setValue("INC-9001");
        $(com.vaadin.flow.component.datepicker.DatePicker.class)
                .id("evidence-field-incidentDate")
                .setValue(LocalDate.now().minusDays(4));
        this.<String>combo("evidence-field-severity").setValue("SEV2");
        this.<String>combo("evidence-field-role").setValue("INCIDENT_COMMANDER");
        test($(TextField.class).id("evidence-field-systemsAffected")).setValue("Metadata service");
        this.<String>combo("evidence-field-failureMode").setValue("NETWORK_PARTITION");

        test($(Button.class).id("evidence-save-submit")).click();

        assertThat(editor.isOpened()).isFalse();
        field("filter-search").setValue("partition postmortem logged in the UI");
        assertThat(test(myGrid()).size()).isEqualTo(1);
        var row = test(myGrid()).getRow(0);
        assertThat(row.status()).isEqualTo(EvidenceStatus.SUBMITTED);
        var saved = evidence.details(row.id());
        assertThat(saved.details())
                .containsEntry("severity", "SEV2")
                .containsEntry("role", "INCIDENT_COMMANDER")
                .containsEntry("incidentDate", LocalDate.now().minusDays(4).toString());

        // Editing shows every field as saved, the type-specific ones included.
        test(myGrid()).clickRow(0);
        test($(Button.class).id("evidence-edit")).click();
        var again = $(EvidenceEditor.class).all().stream()
                .filter(EvidenceEditor::isOpened)
                .findFirst()
                .orElseThrow();
        assertThat(again.title.getValue()).isEqualTo("Screens: partition postmortem logged in the UI");
        assertThat(field("evidence-field-incidentId").getValue()).isEqualTo("INC-9001");
        assertThat(this.<String>combo("evidence-field-failureMode").getValue()).isEqualTo("NETWORK_PARTITION");
        assertThat(again.input().details()).isEqualTo(saved.details());
    }

    @Test
    @WithUserDetails(NORA)
    void anUploadedAttachmentIsSavedFromItsTemporaryFileWhichIsThenDeleted() {
        long files = UploadStorage.fileCount();
        navigate(MyEvidenceView.class);
        test($(Button.class).id("log-evidence")).click();
        var editor = editor();
        var title = "Screens: postmortem with an uploaded timeline";
        editor.type.setValue(EvidenceType.INCIDENT_POSTMORTEM);
        editor.title.setValue(title);
        editor.competencies.setValue(Set.of("failure-modes-network-partitions"));
        editor.impact.setValue("Fencing shipped.");
        test($(TextField.class).id("evidence-field-incidentId")).setValue("INC-9002");
        $(com.vaadin.flow.component.datepicker.DatePicker.class)
                .id("evidence-field-incidentDate")
                .setValue(LocalDate.now().minusDays(3));
        this.<String>combo("evidence-field-severity").setValue("SEV2");
        this.<String>combo("evidence-field-role").setValue("INCIDENT_COMMANDER");
        test($(TextField.class).id("evidence-field-systemsAffected")).setValue("Metadata service");
        this.<String>combo("evidence-field-failureMode").setValue("NETWORK_PARTITION");

        test($(Upload.class).id("evidence-upload")).upload("timeline.pdf", "application/pdf", PDF);
        assertThat(editor.pendingFiles()).extracting(UploadedFile::fileName).containsExactly("timeline.pdf");
        // Waiting on disk until the item is saved.
        assertThat(UploadStorage.fileCount()).isEqualTo(files + 1);

        test($(Button.class).id("evidence-save-submit")).click();

        assertThat(editor.isOpened()).isFalse();
        assertThat(UploadStorage.fileCount()).isEqualTo(files);
        field("filter-search").setValue(title);
        var saved = evidence.details(test(myGrid()).getRow(0).id());
        assertThat(saved.attachments()).extracting(a -> a.fileName()).containsExactly("timeline.pdf");
        var attachment = saved.attachments().getFirst();
        assertThat(attachment.sizeBytes()).isEqualTo(PDF.length);
        assertThat(evidence.download(attachment.id()).content()).isEqualTo(PDF);
    }

    @Test
    @WithUserDetails(NORA)
    void anAttachmentOverTheLimitIsRefusedWithItsSizeAndNothingIsKept() {
        long files = UploadStorage.fileCount();
        navigate(MyEvidenceView.class);
        test($(Button.class).id("log-evidence")).click();
        var editor = editor();
        var big = new byte[11 * 1024 * 1024];
        System.arraycopy(PDF, 0, big, 0, PDF.length);

        test($(Upload.class).id("evidence-upload")).upload("scan.pdf", "application/pdf", big);

        assertThat(editor.shownProblems()).containsExactly("scan.pdf is 11 MB; attachments may be at most 10 MB.");
        assertThat(editor.pendingFiles()).isEmpty();
        assertThat(UploadStorage.fileCount()).isEqualTo(files);
        // Closing the dialog with a file waiting deletes it.
        test($(Upload.class).id("evidence-upload")).upload("ok.pdf", "application/pdf", PDF);
        assertThat(UploadStorage.fileCount()).isEqualTo(files + 1);
        test($(Button.class).id("evidence-cancel")).click();
        // A waiting file is a change: the editor asks before discarding it.
        test($(ConfirmDialog.class).all().stream()
                        .filter(ConfirmDialog::isOpened)
                        .findFirst()
                        .orElseThrow())
                .confirm();
        assertThat(UploadStorage.fileCount()).isEqualTo(files);
    }

    @Test
    @WithUserDetails(NORA)
    void theLevelPageLinkOpensTheEditorPrefilledWithCompetencyAndLevel() {
        open("my-evidence", Map.of("new", "1", "competency", "consensus-algorithms", "level", "DSE-2"));
        assertThat(getCurrentView()).isInstanceOf(MyEvidenceView.class);
        var editor = editor();
        assertThat(editor.isOpened()).isTrue();
        assertThat(editor.competencies.getValue()).containsExactly("consensus-algorithms");
        assertThat(editor.level.getValue()).isEqualTo("DSE-2");
        editor.close();

        open("my-evidence", Map.of("new", "1", "competency", "no-such-thing", "level", "XYZ"));
        var fallback = $(EvidenceEditor.class).all().stream()
                .filter(EvidenceEditor::isOpened)
                .findFirst()
                .orElseThrow();
        assertThat(fallback.competencies.getValue()).isEmpty();
        assertThat(fallback.level.getValue()).isEqualTo("DSE-3");
    }

    @Test
    @WithUserDetails(NORA)
    void refusedInputStaysInTheEditorWithTheReasons() {
        navigate(MyEvidenceView.class);
        long before = evidence.count(null, EvidenceFilter.none());
        test($(Button.class).id("log-evidence")).click();
        var editor = editor();
        editor.type.setValue(EvidenceType.OTHER);
        editor.title.setValue("Screens: refused links");
        editor.competencies.setValue(Set.of("observability"));
        editor.links.setValue("https://ok.example.com\njavascript:alert(document.cookie)");

        test($(Button.class).id("evidence-save-draft")).click();

        assertThat(editor.isOpened()).isTrue();
        assertThat(editor.shownProblems())
                .containsExactly("Link \"javascript:alert(document.cookie)\" is not an http or https link.");
        assertThat(editor.title.getValue()).isEqualTo("Screens: refused links");
        assertThat(evidence.count(null, EvidenceFilter.none())).isEqualTo(before);
    }

    @Test
    @WithUserDetails(NORA)
    void anEngineerFiltersTheirEvidenceByTypeCompetencyAndStatus() {
        navigate(MyEvidenceView.class);
        field("filter-search").setValue("Screens: bulk");
        assertThat(test(myGrid()).size()).isEqualTo(2);
        this.<EvidenceType>combo("filter-type").setValue(EvidenceType.PUBLICATION);
        assertThat(test(myGrid()).size()).isZero();
        combo("filter-type").clear();
        field("filter-search").clear();
        this.<String>combo("filter-competency").setValue("failure-modes-network-partitions");
        this.<EvidenceStatus>combo("filter-status").setValue(EvidenceStatus.SUBMITTED);
        assertThat(test(myGrid()).size()).isGreaterThanOrEqualTo(1);
        for (int i = 0; i < test(myGrid()).size(); i++) {
            assertThat(test(myGrid()).getRow(i).status()).isEqualTo(EvidenceStatus.SUBMITTED);
            assertThat(test(myGrid()).getRow(i).competencyKeys()).contains("failure-modes-network-partitions");
        }
        this.<EvidenceStatus>combo("filter-status").setValue(EvidenceStatus.DRAFT);
        assertThat(test(myGrid()).size()).isZero();
    }

    @Test
    @WithUserDetails(NORA)
    void anEngineerSeesTheCoverageOfTheirNextLevel() {
        navigate(CoverageView.class);
        var summary = $(Span.class).id("coverage-summary").getText();
        assertThat(summary).matches("\\d+ of \\d+ expectations backed by acknowledged evidence — \\d+%");
        assertThat(summary).isEqualTo(evidence.coverage(null, null).summary());
        assertThat(levelSelect().getValue()).isEqualTo("DSE-3");
        assertThat($(H1.class).first().getText()).isEqualTo("Coverage");
        levelSelect().setValue("SPE-1");
        assertThat(levelSelect().getValue()).isEqualTo("SPE-1");
        assertThat($(Span.class).id("coverage-summary").getText())
                .isEqualTo(evidence.coverage(null, "SPE-1").summary());
    }

    @Test
    @WithUserDetails(NORA)
    void engineersSeeTheirEvidenceScreensButNotTheReviewInbox() {
        navigate(MyEvidenceView.class);
        assertThat(menu()).contains("My evidence", "Coverage").doesNotContain("Review inbox");
        UI.getCurrent().navigate("review");
        roundTrip();
        assertThat(getCurrentView()).isNotInstanceOf(ReviewInboxView.class);
    }

    // ------------------------------------------------------------ manager

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void aManagerReturnsEvidenceWithAComment() {
        navigate(ReviewInboxView.class);
        assertThat(menu()).contains("Review inbox");
        field("review-search").setValue("Screens: to return");
        assertThat(test(reviewGrid()).size()).isEqualTo(1);
        test((Button) test(reviewGrid()).getCellComponent(0, "actions")).click();
        assertThat(details().isOpened()).isTrue();

        test($(Button.class).id("evidence-return")).click();
        test($(Button.class).id("evidence-return-confirm")).click();
        var comment = $(TextArea.class).id("evidence-return-comment");
        assertThat(comment.isInvalid()).isTrue();
        assertThat(evidence.details(items.get("Screens: to return")).status()).isEqualTo(EvidenceStatus.SUBMITTED);

        test(comment).setValue("Link the postmortem document and list the action items you owned.");
        test($(Button.class).id("evidence-return-confirm")).click();

        var returned = evidence.details(items.get("Screens: to return"));
        assertThat(returned.status()).isEqualTo(EvidenceStatus.RETURNED);
        assertThat(returned.reviewComment()).startsWith("Link the postmortem document");
        assertThat(test(reviewGrid()).size()).isZero();
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void theInboxSaysHowManyItemsWaitEvenWhileFilteredAndAfterAcknowledging() {
        navigate(ReviewInboxView.class);
        long total = evidenceReview.reviewQueueCount(EvidenceFilter.none());
        var waiting = $(Span.class).id("review-waiting");
        assertThat(waiting.getText()).isEqualTo(waiting(total));

        // Filtered, the grid shows the matches and the label still the whole inbox.
        field("review-search").setValue("Screens: counted");
        assertThat(test(reviewGrid()).size()).isEqualTo(1);
        assertThat(waiting.getText()).isEqualTo(waiting(total));

        test(reviewGrid()).select(0);
        test($(Button.class).id("acknowledge-selected")).click();
        assertThat(test(reviewGrid()).size()).isZero();
        assertThat(waiting.getText()).isEqualTo(waiting(total - 1));
        field("review-search").clear();
        assertThat(test(reviewGrid()).size()).isEqualTo((int) total - 1);
        assertThat(waiting.getText()).isEqualTo(waiting(total - 1));
    }

    private static String waiting(long n) {
        return String.format(java.util.Locale.ENGLISH, "%,d %s", n, n == 1 ? "item waiting" : "items waiting");
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void aManagerAcknowledgesSeveralItemsAtOnce() {
        navigate(ReviewInboxView.class);
        field("review-search").setValue("Screens: bulk");
        assertThat(test(reviewGrid()).size()).isEqualTo(2);
        var acknowledge = $(Button.class).id("acknowledge-selected");
        assertThat(acknowledge.isEnabled()).isFalse();
        test(reviewGrid()).select(0);
        test(reviewGrid()).select(1);
        assertThat(acknowledge.getText()).isEqualTo("Acknowledge 2 selected");

        test(acknowledge).click();

        assertThat(evidence.details(items.get("Screens: bulk A")).status()).isEqualTo(EvidenceStatus.ACKNOWLEDGED);
        assertThat(evidence.details(items.get("Screens: bulk B")).status()).isEqualTo(EvidenceStatus.ACKNOWLEDGED);
        assertThat(test(reviewGrid()).size()).isZero();
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void aManagerOpensTheCoverageAndEvidenceOfAReport() {
        navigate(CoverageView.class, noraId);
        assertThat($(H1.class).first().getText()).isEqualTo("Coverage — Nora Screens");

        var panel = new PersonEvidencePanel(evidenceServices, noraId);
        UI.getCurrent().add(panel);
        panel.status.setValue(EvidenceStatus.SUBMITTED);
        List<String> titles = test(panel.grid).size() == 0
                ? List.of()
                : java.util.stream.IntStream.range(0, test(panel.grid).size())
                        .mapToObj(i -> test(panel.grid).getRow(i).title())
                        .toList();
        assertThat(titles).contains("Screens: XSS");
        assertThat($(Span.class).id("person-evidence-summary").getText()).matches("\\d+ items · .*");
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void userWrittenMarkdownNeverPutsScriptsOnThePage() {
        navigate(ReviewInboxView.class);
        field("review-search").setValue("Screens: XSS");
        assertThat(test(reviewGrid()).getRow(0).id()).isEqualTo(items.get("Screens: XSS"));
        test((Button) test(reviewGrid()).getCellComponent(0, "actions")).click();
        // Markdown is rebuilt as server-side elements (shared.ui.MarkdownText); its HTML is what reaches the page.
        var html = $(MarkdownText.class).all().stream()
                .map(m -> m.getElement().getOuterHTML())
                .filter(h -> h.contains("Safe"))
                .findFirst()
                .orElseThrow();
        assertThat(html).contains("<strong>bold</strong>");
        var page = org.jsoup.Jsoup.parseBodyFragment(html).body();
        assertThat(page.select("script, img, iframe, object")).isEmpty();
        page.select("*")
                .forEach(el -> el.attributes().forEach(a -> {
                    assertThat(a.getKey()).doesNotStartWith("on");
                    assertThat(a.getValue().toLowerCase())
                            .doesNotContain("javascript:")
                            .doesNotStartWith("data:");
                }));
        // The attempts are shown as text, so the reviewer sees what was written.
        assertThat(page.text()).contains("<script>alert('xss')</script>");
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void theManagersDownloadLinkServesTheAttachment() throws Exception {
        var out = new ByteArrayOutputStream();
        var response = mock(VaadinResponse.class);
        when(response.getOutputStream()).thenReturn(out);
        var event = new DownloadEvent(mock(VaadinRequest.class), response, mock(VaadinSession.class), new Element("a"));
        EvidenceDetailsDialog.download(evidenceServices, attachmentId).handleDownloadRequest(event);
        assertThat(out.toByteArray()).isEqualTo(PDF);
        verify(response, never()).setStatus(404);
    }

    // ------------------------------------------------------------ outsiders

    @Test
    @WithUserDetails(DemoUsers.OTHER_ENGINEER)
    void aCopiedDownloadLinkIsRefusedToSomeoneWhoMayNotSeeTheItem() throws Exception {
        var out = new ByteArrayOutputStream();
        var response = mock(VaadinResponse.class);
        when(response.getOutputStream()).thenReturn(out);
        var event = new DownloadEvent(mock(VaadinRequest.class), response, mock(VaadinSession.class), new Element("a"));
        EvidenceDetailsDialog.download(evidenceServices, attachmentId).handleDownloadRequest(event);
        verify(response).setStatus(404);
        assertThat(out.size()).isZero();
    }

    @Test
    @WithUserDetails(DemoUsers.OTHER_MANAGER)
    void anotherManagerSeesNeitherCoverageNorEvidenceOfSomeoneOutsideTheirLine() {
        navigate(CoverageView.class, noraId);
        assertThat($(Paragraph.class)
                        .withTextContaining("not in your reporting line")
                        .exists())
                .isTrue();
        var panel = new PersonEvidencePanel(evidenceServices, noraId);
        UI.getCurrent().add(panel);
        assertThat($(Paragraph.class, panel).first().getText())
                .isEqualTo("This person's evidence is not visible to you.");
        var queue = evidenceReview.reviewQueue(
                EvidenceFilter.none(), org.springframework.data.domain.PageRequest.of(0, 500));
        assertThat(queue).extracting(ReviewRow::ownerId).doesNotContain(noraId);
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void anAdminWithoutAPersonHasNoEvidenceMenus() {
        navigate(app.rungs.home.ui.HomeView.class);
        assertThat(menu()).doesNotContain("My evidence", "Coverage", "Review inbox");
        assertThat(SystemAuthentication.call(evidence::countAll)).isPositive();
    }
}
