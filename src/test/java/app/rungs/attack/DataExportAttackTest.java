package app.rungs.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.audit.service.AuditFilter;
import app.rungs.audit.service.AuditPrivacyData;
import app.rungs.audit.service.AuditService;
import app.rungs.audit.service.AuditSubject;
import app.rungs.evidence.service.EvidenceAuthoring;
import app.rungs.evidence.service.EvidenceReview;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.notification.service.NotificationService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.privacy.ExportArchive;
import app.rungs.privacy.service.ExportService;
import app.rungs.promotion.PromotionFixtures;
import app.rungs.promotion.domain.CommentKind;
import app.rungs.promotion.service.PromotionService;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.shared.service.NotFoundException;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Attacks on the personal data export: reading someone else's data by id, a manager taking a report's data, secrets
 * or committee notes leaking into an engineer's export, and an export that silently leaves a kind of data out.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataExportAttackTest {

    static final String COMMITTEE_NOTE = "Committee only: doubts about cross-team scope 7f3a";
    static final String CASE_COMMENT = "Please add the fencing review 7f3a";
    static final String EVIDENCE_COMMENT = "Nice write-up 7f3a";
    static final byte[] ATTACHMENT = "Postmortem notes 7f3a\n".getBytes(StandardCharsets.UTF_8);

    @Autowired
    ExportService exports;

    @Autowired
    AuditPrivacyData auditData;

    @Autowired
    AuditService audit;

    @Autowired
    PromotionService promotions;

    @Autowired
    app.rungs.promotion.service.PromotionReviews reviews;

    @Autowired
    EvidenceService evidence;

    @Autowired
    EvidenceAuthoring evidenceAuthoring;

    @Autowired
    EvidenceReview evidenceReview;

    @Autowired
    NotificationService notifications;

    @Autowired
    PeopleService people;

    @Autowired
    PersonEditingService peopleEditing;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    PromotionFixtures fx;
    String manager;
    String engineer;
    String other;
    Long managerId;
    Long engineerId;
    Long otherId;
    Long itemId;

    @BeforeAll
    void anEngineerWithEveryKindOfData() {
        fx = new PromotionFixtures(
                people, peopleEditing, accounts, users, promotions, evidence, evidenceAuthoring, evidenceReview);
        manager = fx.newManager("Export Manager");
        engineer = fx.newEngineer("Export Engineer", "DSE-2", manager);
        other = fx.newEngineer("Export Colleague", "DSE-2", manager);
        managerId = fx.personOf(manager);
        engineerId = fx.personOf(engineer);
        otherId = fx.personOf(other);
        fx.logEvidence(other, "The colleague's own item 7f3a-other", "DSE-2", "consensus-algorithms");
        itemId = fx.logEvidence(engineer, "Quorum split postmortem", "DSE-2", "consensus-algorithms");
        fx.run(engineer, () -> evidenceAuthoring.addAttachment(itemId, "notes.txt", ATTACHMENT));
        fx.run(manager, () -> evidenceReview.comment(itemId, EVIDENCE_COMMENT));
        fx.acknowledge(manager, itemId);
        // Editing acknowledged content keeps the acknowledged revision as a snapshot.
        fx.run(engineer, () -> {
            var d = evidence.details(itemId);
            var input = d.toInput();
            evidenceAuthoring.update(
                    itemId,
                    d.version(),
                    new app.rungs.evidence.service.EvidenceInput(
                            input.type(),
                            "Quorum split postmortem (revised)",
                            input.occurredOn(),
                            input.description(),
                            input.impact(),
                            input.levelKey(),
                            input.competencyKeys(),
                            input.links(),
                            input.details()),
                    false);
        });
        var caseId = fx.as(manager, () -> promotions.nominate(engineerId, "DSE-3", "2026-H2", "Ready for DSE-3."));
        fx.run(manager, () -> {
            promotions.submit(caseId, fx.version(caseId), null);
            reviews.comment(caseId, CommentKind.COMMENT, CASE_COMMENT);
            reviews.comment(caseId, CommentKind.COMMITTEE_NOTE, COMMITTEE_NOTE);
        });
        fx.run(DemoUsers.ADMIN, () -> notifications.notify(engineerId, "Export test notice 7f3a", null, null));
    }

    private byte[] export(String as, Long personId, boolean internal) {
        var out = new ByteArrayOutputStream();
        fx.run(as, () -> exports.export(personId, internal, out));
        return out.toByteArray();
    }

    private long exportEvents(Long personId) {
        return SystemAuthentication.call(() -> audit
                .find(
                        new AuditFilter(null, "PERSONAL_DATA_EXPORTED", "Person", null, null, null),
                        PageRequest.of(0, 10_000))
                .stream()
                .filter(e -> String.valueOf(personId).equals(e.objectId()))
                .count());
    }

    @Test
    void anEngineerAskingForSomeoneElsesExportByIdGetsNotFoundAndNoBytes() {
        var out = new ByteArrayOutputStream();
        long before = exportEvents(otherId);
        assertThatThrownBy(() -> fx.run(engineer, () -> exports.export(otherId, false, out)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fx.run(engineer, () -> exports.fileName(otherId)))
                .isInstanceOf(NotFoundException.class);
        assertThat(out.size()).isZero();
        assertThat(exportEvents(otherId)).isEqualTo(before);
    }

    @Test
    void anEngineerCannotAskForTheInternalExportOfThemselves() {
        var out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> fx.run(engineer, () -> exports.export(engineerId, true, out)))
                .isInstanceOf(NotFoundException.class);
        assertThat(out.size()).isZero();
    }

    @Test
    void aManagerCannotExportTheDataOfTheirOwnReport() {
        var out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> fx.run(manager, () -> exports.export(engineerId, false, out)))
                .isInstanceOf(NotFoundException.class);
        assertThat(out.size()).isZero();
    }

    @Test
    void aManagersOwnExportHoldsOnlyTheirOwnDataNotTheirLines() {
        var zip = ExportArchive.read(export(manager, managerId, false));
        assertThat(zip.json("profile.json").get("id").asLong()).isEqualTo(managerId);
        assertThat(zip.json("manifest.json").get("counts").get("evidenceItems")).isNull();
        assertThat(zip.entries().keySet()).noneMatch(n -> n.startsWith("evidence/"));
        assertThat(zip.json("promotion-cases.json")).isEmpty();
        assertThat(zip.allText()).doesNotContain("Quorum split postmortem").doesNotContain("7f3a-other");
        // What the manager did stays in their export (when, what, on which object), without the report's data.
        assertThat(zip.text("audit-events.json")).contains("EVIDENCE_ACKNOWLEDGED");
    }

    @Test
    void theEngineersExportHoldsEveryKindOfTheirDataAndNoPasswordHash() {
        var zip = ExportArchive.read(export(engineer, engineerId, false));
        var manifest = zip.json("manifest.json");
        assertThat(manifest.get("format").asString()).isEqualTo("rungs-personal-data-export");
        assertThat(manifest.get("formatVersion").asInt()).isEqualTo(1);
        assertThat(manifest.get("scope").asString()).isEqualTo("SELF");
        assertThat(zip.text("README.txt")).contains("profile.json", "audit-events.json", "formatVersion");

        assertThat(zip.json("profile.json").get("fullName").asString()).startsWith("Export Engineer");
        assertThat(zip.json("profile.json").get("levelHistory")).isNotEmpty();
        var account = zip.json("account.json");
        assertThat(account.get("username").asString()).isEqualTo(engineer);
        assertThat(account.has("passwordHash")).isFalse();

        var item = zip.json("evidence/" + itemId + "/item.json");
        assertThat(item.get("title").asString()).isEqualTo("Quorum split postmortem (revised)");
        assertThat(item.get("revisions")).hasSize(1);
        assertThat(item.get("revisions").get(0).get("snapshot").get("title").asString())
                .isEqualTo("Quorum split postmortem");
        assertThat(StreamSupport.stream(item.get("comments").spliterator(), false)
                        .map(c -> c.get("body").asString()))
                .contains(EVIDENCE_COMMENT);
        var path = item.get("attachments").get(0).get("path").asString();
        assertThat(zip.entries().get(path)).isEqualTo(ATTACHMENT);

        var cases = zip.json("promotion-cases.json");
        assertThat(cases).hasSize(1);
        assertThat(cases.get(0).get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(zip.json("calibration-outcomes.json").isArray()).isTrue();
        assertThat(zip.text("notifications.json")).contains("Export test notice 7f3a");
        assertThat(zip.text("audit-events.json")).contains("PERSONAL_DATA_EXPORTED", "EVIDENCE");
        assertThat(manifest.get("files").toString()).contains("account.json", "notifications.json");

        var all = zip.allText();
        assertThat(all).contains(CASE_COMMENT);
        assertThat(all).doesNotContain(COMMITTEE_NOTE);
        assertThat(all).doesNotContain("{bcrypt}").doesNotContain("$2a$").doesNotContain("passwordHash");
        assertThat(all).doesNotContain("7f3a-other");
    }

    @Test
    void theDemoEngineersExportHoldsTheirPublishedCalibrationOutcomeButNotTheCommitteeNote() {
        var lenaId = fx.personOf(DemoUsers.ENGINEER);
        var zip = ExportArchive.read(export(DemoUsers.ENGINEER, lenaId, false));
        assertThat(zip.json("calibration-outcomes.json")).isNotEmpty();
        assertThat(zip.json("calibration-outcomes.json").get(0).has("notes")).isFalse();
        assertThat(zip.allText()).doesNotContain("Strong case on incidents and replication");
    }

    @Test
    void everyExportIsAuditedWithItsScope() {
        long before = exportEvents(engineerId);
        export(engineer, engineerId, false);
        export(DemoUsers.ADMIN, engineerId, true);
        assertThat(exportEvents(engineerId)).isEqualTo(before + 2);
    }

    @Test
    void onlyTheAdminsInternalExportHoldsTheCommitteeNote() {
        var standard = ExportArchive.read(export(DemoUsers.ADMIN, engineerId, false));
        assertThat(standard.json("manifest.json").get("scope").asString()).isEqualTo("ADMIN");
        assertThat(standard.allText()).doesNotContain(COMMITTEE_NOTE);
        var internal = ExportArchive.read(export(DemoUsers.ADMIN, engineerId, true));
        assertThat(internal.json("manifest.json").get("scope").asString()).isEqualTo("ADMIN_INTERNAL");
        assertThat(internal.text("internal/promotion-cases.json")).contains(COMMITTEE_NOTE);
        assertThat(internal.text("promotion-cases.json")).doesNotContain(COMMITTEE_NOTE);
        assertThat(internal.allText()).doesNotContain("{bcrypt}");
    }

    @Test
    void anAdminCannotReadTheInternalNotesAboutThemselves() {
        var adminId = fx.personOf(DemoUsers.ADMIN);
        if (adminId == null) {
            // The demo admin has no person record; use a manager who is also admin-free: the rule is checked below.
            assertThatThrownBy(() ->
                            fx.run(DemoUsers.ADMIN, () -> exports.export(null, true, new ByteArrayOutputStream())))
                    .isInstanceOf(NotFoundException.class);
            return;
        }
        assertThatThrownBy(
                        () -> fx.run(DemoUsers.ADMIN, () -> exports.export(adminId, true, new ByteArrayOutputStream())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anEngineerPairingTheirUsernameWithSomeoneElsesIdsIsRefusedByTheAuditRead() {
        var accountId = SystemAuthentication.call(
                () -> accounts.findByUsername(engineer).orElseThrow().id());
        assertThatThrownBy(() -> fx.run(
                        engineer, () -> auditData.eventsAbout(new AuditSubject(engineer, otherId, accountId), 0, 10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx.run(
                        engineer, () -> auditData.eventsAbout(new AuditSubject(other, engineerId, accountId), 0, 10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(fx.as(
                        engineer,
                        () -> auditData.eventsAbout(new AuditSubject(engineer, engineerId, accountId), 0, 10)))
                .isNotEmpty();
    }
}
