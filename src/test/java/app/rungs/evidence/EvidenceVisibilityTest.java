package app.rungs.evidence;

import static app.rungs.evidence.EvidenceFixtures.postmortem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.audit.service.AuditFilter;
import app.rungs.audit.service.AuditService;
import app.rungs.evidence.domain.EvidenceStatus;
import app.rungs.evidence.service.EvidenceAuthoring;
import app.rungs.evidence.service.EvidenceFilter;
import app.rungs.evidence.service.EvidenceReview;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Who sees and changes which evidence, attachments included: engineers their own, managers their reporting line's,
 * admins everything (read only); anyone else gets "not found".
 */
@IntegrationTest
class EvidenceVisibilityTest {

    static final byte[] PDF =
            "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};

    @Autowired
    EvidenceService evidence;

    @Autowired
    EvidenceAuthoring evidenceAuthoring;

    @Autowired
    EvidenceReview evidenceReview;

    @Autowired
    PeopleService people;

    @Autowired
    PersonEditingService peopleEditing;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    AuditService audit;

    EvidenceFixtures fx;
    String engineer;
    Long item;

    @BeforeEach
    void itemOfAFreshEngineer() {
        fx = new EvidenceFixtures(people, peopleEditing, accounts, users, evidence);
        engineer = fx.newEngineer("Ivo Visible", "DSE-2");
        item = fx.as(engineer, () -> evidenceAuthoring.create(postmortem("Visibility postmortem"), true));
    }

    @Test
    void anotherEngineerCannotSeeOrTouchSomeoneElsesEvidence() {
        var owner = fx.personOf(engineer);
        fx.run(DemoUsers.OTHER_ENGINEER, () -> {
            assertThatThrownBy(() -> evidence.details(item)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> evidence.find(owner, EvidenceFilter.none(), PageRequest.of(0, 10)))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> evidence.count(owner, EvidenceFilter.none()))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> evidence.statusCounts(owner)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> evidence.coverage(owner, null)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> evidenceReview.comment(item, "peek")).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> evidenceAuthoring.update(item, 0, postmortem("Hijacked"), false))
                    .isInstanceOf(NotFoundException.class);
            // Their own list never contains it.
            assertThat(evidence.find(null, EvidenceFilter.none(), PageRequest.of(0, 500)))
                    .noneMatch(r -> r.id().equals(item));
        });
    }

    @Test
    void aManagerOfAnotherTeamCannotSeeIt() {
        fx.run(DemoUsers.OTHER_MANAGER, () -> {
            assertThatThrownBy(() -> evidence.details(item)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> evidenceReview.acknowledge(item, 0, null)).isInstanceOf(NotFoundException.class);
            assertThat(evidenceReview.reviewQueue(EvidenceFilter.none(), PageRequest.of(0, 500)))
                    .noneMatch(r -> r.id().equals(item));
        });
    }

    @Test
    void theManagerAndTheirDirectorSeeItAndTheAdminReadsButDoesNotReview() {
        var owner = fx.personOf(engineer);
        assertThat(fx.as(DemoUsers.MANAGER, () -> evidence.details(item).ownerName()))
                .isEqualTo("Ivo Visible");
        assertThat(fx.as(DemoUsers.DIRECTOR, () -> evidence.details(item).may().review()))
                .isTrue();
        assertThat(fx.as(DemoUsers.ADMIN, () -> evidence.find(owner, EvidenceFilter.none(), PageRequest.of(0, 10))))
                .extracting(r -> r.id())
                .containsExactly(item);
        var asAdmin = fx.as(DemoUsers.ADMIN, () -> evidence.details(item));
        assertThat(asAdmin.may().review()).isFalse();
        assertThat(asAdmin.may().edit()).isFalse();
        assertThatThrownBy(() -> fx.run(DemoUsers.ADMIN, () -> evidenceReview.reviewQueueCount(EvidenceFilter.none())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anEngineerAttachesAPostmortemPdfThatOnlyThoseWhoSeeTheItemCanDownload() {
        var pdf = fx.as(engineer, () -> evidenceAuthoring.addAttachment(item, "INC-4412 postmortem.pdf", PDF));
        var png = fx.as(engineer, () -> evidenceAuthoring.addAttachment(item, "timeline.png", PNG));
        var jpeg = fx.as(engineer, () -> evidenceAuthoring.addAttachment(item, "whiteboard.JPG", JPEG));
        var md = fx.as(
                engineer,
                () -> evidenceAuthoring.addAttachment(
                        item, "notes.md", "# Notes\n- fencing".getBytes(StandardCharsets.UTF_8)));
        var txt = fx.as(
                engineer,
                () -> evidenceAuthoring.addAttachment(
                        item, "../../etc/log.txt", "plain text".getBytes(StandardCharsets.UTF_8)));

        var listed = fx.as(engineer, () -> evidence.details(item)).attachments();
        assertThat(listed)
                .extracting(a -> a.fileName() + " " + a.mediaType())
                .containsExactly(
                        "INC-4412 postmortem.pdf application/pdf",
                        "timeline.png image/png",
                        "whiteboard.JPG image/jpeg",
                        "notes.md text/markdown",
                        "log.txt text/plain");

        assertThat(fx.as(engineer, () -> evidence.download(pdf)).content()).isEqualTo(PDF);
        assertThat(fx.as(DemoUsers.MANAGER, () -> evidence.download(pdf)).mediaType())
                .isEqualTo("application/pdf");
        assertThat(fx.as(DemoUsers.ADMIN, () -> evidence.download(png)).content())
                .isEqualTo(PNG);
        for (var outsider : new String[] {DemoUsers.OTHER_ENGINEER, DemoUsers.OTHER_MANAGER, DemoUsers.ENGINEER}) {
            for (var id : new Long[] {pdf, png, jpeg, md, txt}) {
                assertThatThrownBy(() -> fx.run(outsider, () -> evidence.download(id)))
                        .as("%s downloading attachment %s", outsider, id)
                        .isInstanceOf(NotFoundException.class);
            }
        }
        assertThat(actions()).contains("EVIDENCE_ATTACHMENT_ADDED");
    }

    @Test
    void attachmentsAreCheckedByContentNotOnlyByName() {
        assertRefused("report.pdf", "not really a pdf".getBytes(StandardCharsets.UTF_8), "is not a PDF document");
        assertRefused("diagram.jpg", PNG, "is not a JPEG image");
        assertRefused("notes.txt", PDF, "is not a text file");
        assertRefused("binary.txt", new byte[] {'a', 0, 'b'}, "is not a text file");
        assertRefused("latin1.txt", new byte[] {'c', 'a', 'f', (byte) 0xE9}, "is not UTF-8 text");
        assertRefused("page.html", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), "only PDF, PNG");
        assertRefused("tool.exe", new byte[] {'M', 'Z', 0, 0}, "only PDF, PNG");
        assertRefused("empty.pdf", new byte[0], "is empty");
        var big = new byte[10 * 1024 * 1024 + 1];
        Arrays.fill(big, (byte) 'a');
        assertRefused("huge.txt", big, "attachments are at most 10 MB");
        assertThat(fx.as(engineer, () -> evidence.details(item)).attachments()).isEmpty();
    }

    private void assertRefused(String name, byte[] content, String message) {
        assertThatThrownBy(() -> fx.run(engineer, () -> evidenceAuthoring.addAttachment(item, name, content)))
                .as(name)
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining(message);
    }

    @Test
    void onlyTheOwnerChangesAttachmentsAndNotWhileAcknowledged() {
        var pdf = fx.as(engineer, () -> evidenceAuthoring.addAttachment(item, "postmortem.pdf", PDF));
        assertThatThrownBy(() -> fx.run(DemoUsers.MANAGER, () -> evidenceAuthoring.addAttachment(item, "m.pdf", PDF)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx.run(DemoUsers.MANAGER, () -> evidenceAuthoring.removeAttachment(pdf)))
                .isInstanceOf(AccessDeniedException.class);
        fx.run(
                DemoUsers.MANAGER,
                () -> evidenceReview.acknowledge(item, evidence.details(item).version(), null));
        assertThatThrownBy(() -> fx.run(engineer, () -> evidenceAuthoring.addAttachment(item, "late.pdf", PDF)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("edit it first");
        assertThatThrownBy(() -> fx.run(engineer, () -> evidenceAuthoring.removeAttachment(pdf)))
                .isInstanceOf(ValidationException.class);

        // After an edit starts revision 2, the attachment can go; revision 1 remembers it.
        var d = fx.as(engineer, () -> evidence.details(item));
        fx.run(engineer, () -> evidenceAuthoring.update(item, d.version(), d.toInput(), false));
        fx.run(engineer, () -> evidenceAuthoring.removeAttachment(pdf));
        var after = fx.as(engineer, () -> evidence.details(item));
        assertThat(after.attachments()).isEmpty();
        assertThat(after.status()).isEqualTo(EvidenceStatus.DRAFT);
        assertThat(after.revisions().getFirst().snapshot().attachments()).containsExactly("postmortem.pdf");
        assertThatThrownBy(() -> fx.run(engineer, () -> evidence.download(pdf))).isInstanceOf(NotFoundException.class);
        assertThat(actions()).contains("EVIDENCE_ATTACHMENT_REMOVED");
    }

    @Test
    void theReviewQueueListsOnlySubmittedItemsOfTheManagersLine() {
        var draft = fx.as(engineer, () -> evidenceAuthoring.create(postmortem("Queue draft"), false));
        var queue = fx.as(
                DemoUsers.MANAGER, () -> evidenceReview.reviewQueue(EvidenceFilter.none(), PageRequest.of(0, 500)));
        assertThat(queue).anyMatch(r -> r.id().equals(item)).noneMatch(r -> r.id().equals(draft));
        assertThat(queue).allSatisfy(r -> assertThat(r.ownerName()).isNotBlank());
        assertThat(fx.as(
                        DemoUsers.DIRECTOR,
                        () -> evidenceReview.reviewQueue(
                                new app.rungs.evidence.service.EvidenceFilter(null, null, null, "Visibility"),
                                PageRequest.of(0, 500))))
                .anyMatch(r -> r.id().equals(item));
        assertThat(fx.as(DemoUsers.MANAGER, () -> evidenceReview.acknowledgeAll(Map.of())))
                .isZero();
    }

    private java.util.List<String> actions() {
        return SystemAuthentication.call(() -> audit
                .find(new AuditFilter(null, null, "Evidence", String.valueOf(item), null, null), PageRequest.of(0, 100))
                .stream()
                .filter(e -> String.valueOf(item).equals(e.objectId()))
                .map(e -> e.action())
                .toList());
    }
}
