package app.rungs.privacy.service;

import app.rungs.audit.service.AuditPrivacyData;
import app.rungs.audit.service.AuditService;
import app.rungs.audit.service.AuditSubject;
import app.rungs.calibration.service.CalibrationPrivacyData;
import app.rungs.evidence.service.EvidenceFilter;
import app.rungs.evidence.service.EvidenceRow;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.notification.service.NotificationData;
import app.rungs.notification.service.NotificationPrivacyData;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonDetails;
import app.rungs.people.service.PersonDirectory;
import app.rungs.promotion.service.PromotionPrivacyData;
import app.rungs.security.service.AccountData;
import app.rungs.security.service.AccountPrivacyData;
import app.rungs.security.service.CurrentUser;
import app.rungs.security.service.PersonalDataAccess;
import app.rungs.shared.service.NotFoundException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The personal data export (GDPR Art. 15 right of access, Art. 20 portability): everything Rungs holds about a
 * person as a ZIP of JSON documents plus the attachment files, read through each feature's own secured service.
 *
 * <p>Who may export whom: everyone themselves, admins anyone. The export shows each kind of data as the person sees
 * it in the app (no committee notes, reviewers' comments or calibration notes); an admin may add an {@code internal/}
 * folder with those for the controller's review of a request (never about themselves). Every export is audited
 * before the first byte is written.
 */
@Service
public class ExportService {

    static final String FORMAT = "rungs-personal-data-export";
    static final int FORMAT_VERSION = 1;
    private static final int PAGE = 200;

    private final PeopleService people;
    private final PersonDirectory directory;
    private final AccountPrivacyData accounts;
    private final EvidenceService evidence;
    private final PromotionPrivacyData promotions;
    private final CalibrationPrivacyData calibration;
    private final NotificationPrivacyData notifications;
    private final AuditPrivacyData auditEvents;
    private final AuditService audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ExportService(
            PeopleService people,
            PersonDirectory directory,
            AccountPrivacyData accounts,
            EvidenceService evidence,
            PromotionPrivacyData promotions,
            CalibrationPrivacyData calibration,
            NotificationPrivacyData notifications,
            AuditPrivacyData auditEvents,
            AuditService audit,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.people = people;
        this.directory = directory;
        this.accounts = accounts;
        this.evidence = evidence;
        this.promotions = promotions;
        this.calibration = calibration;
        this.notifications = notifications;
        this.auditEvents = auditEvents;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The download's file name, e.g. "rungs-data-lena-fischer-2026-11-29.zip"; checks access like the export. */
    @PreAuthorize("isAuthenticated()")
    public String fileName(Long personId) {
        PersonalDataAccess.requireSelfOrAdmin(personId);
        return "rungs-data-"
                + ExportZip.slug(directory
                        .card(personId)
                        .orElseThrow(() -> new NotFoundException("Person not found"))
                        .fullName())
                + "-" + LocalDate.now(clock)
                + ".zip";
    }

    /**
     * Writes the export of a person to {@code out} as a ZIP. Refused (nothing written, nothing audited) unless the
     * signed-in user is the person or an admin; {@code internal} only for an admin about someone else.
     */
    @PreAuthorize("isAuthenticated()")
    public void export(Long personId, boolean internal, OutputStream out) {
        if (internal) {
            PersonalDataAccess.requireInternalAccess(personId);
        } else {
            PersonalDataAccess.requireSelfOrAdmin(personId);
        }
        var person = people.details(personId);
        var account = accounts.accountOf(personId).orElse(null);
        var self = personId.equals(CurrentUser.require().personId());
        var scope = internal ? "ADMIN_INTERNAL" : self ? "SELF" : "ADMIN";
        transaction.executeWithoutResult(tx -> audit.record(
                "PERSONAL_DATA_EXPORTED",
                "Person",
                personId,
                (self ? "Exported own personal data" : "Exported the personal data of " + person.fullName())
                        + (internal ? " (with internal notes)" : ""),
                null,
                Map.of("scope", scope)));
        try (var zip = new ExportZip(out)) {
            zip.text("README.txt", ExportReadme.TEXT);
            zip.json("profile.json", profile(person));
            if (account != null) {
                zip.json("account.json", account);
            }
            zip.count("levelHistory", person.history().size());
            writeEvidence(zip, personId);
            var cases = promotions.casesAbout(personId, false).stream()
                    .map(ExportDocuments.PromotionCase::of)
                    .toList();
            zip.json("promotion-cases.json", cases);
            zip.count("promotionCases", cases.size());
            var outcomes = calibration.outcomesOf(personId);
            zip.json("calibration-outcomes.json", outcomes);
            zip.count("calibrationOutcomes", outcomes.size());
            zip.count(
                    "notifications",
                    zip.<NotificationData>jsonArray(
                            "notifications.json",
                            last -> notifications.notificationsOf(personId, last == null ? 0 : last.id(), PAGE),
                            n -> n));
            writeAudit(zip, person, account, internal);
            if (internal) {
                zip.json(
                        "internal/promotion-cases.json",
                        promotions.casesAbout(personId, true).stream()
                                .map(ExportDocuments.PromotionCase::of)
                                .toList());
                zip.json("internal/calibration-notes.json", calibration.internalNotesOf(personId));
            }
            var files = new ArrayList<>(zip.files());
            files.add("manifest.json");
            zip.json(
                    "manifest.json",
                    new ExportDocuments.Manifest(
                            FORMAT,
                            FORMAT_VERSION,
                            Instant.now(clock),
                            personId,
                            person.fullName(),
                            CurrentUser.actorName(),
                            scope,
                            files,
                            zip.counts()));
        }
    }

    private static Map<String, Object> profile(PersonDetails p) {
        var map = new java.util.LinkedHashMap<String, Object>();
        map.put("id", p.id());
        map.put("fullName", p.fullName());
        map.put("email", p.email());
        map.put("jobTitle", p.jobTitle());
        map.put("team", p.teamName());
        map.put("managerId", p.managerId());
        map.put("managerName", p.managerName());
        map.put("ladderId", p.ladderId());
        map.put("levelKey", p.levelKey());
        map.put("levelSince", p.levelSince());
        map.put("specialization", p.specialization());
        map.put("scopeAxis", p.scopeAxis());
        map.put("focusAxis", p.focusAxis());
        map.put("communityAxis", p.communityAxis());
        map.put("startDate", p.startDate());
        map.put("active", p.active());
        map.put("leftDate", p.leftDate());
        map.put(
                "directReports",
                p.directReports().stream()
                        .map(r -> Map.of("id", r.id(), "fullName", r.fullName()))
                        .toList());
        map.put("levelHistory", p.history());
        return map;
    }

    /** One item at a time: its JSON, then its attachment files, so only one attachment is ever in memory. */
    private void writeEvidence(ExportZip zip, Long personId) {
        for (int page = 0; ; page++) {
            List<EvidenceRow> rows = evidence.find(personId, EvidenceFilter.none(), PageRequest.of(page, PAGE));
            for (var row : rows) {
                var details = evidence.details(row.id());
                var base = "evidence/" + details.id() + "/";
                var files = new ArrayList<ExportDocuments.Attachment>();
                for (var a : details.attachments()) {
                    var path = base + "attachments/" + a.id() + "-" + ExportZip.safeName(a.fileName());
                    zip.bytes(path, evidence.download(a.id()).content());
                    files.add(new ExportDocuments.Attachment(
                            a.id(), a.fileName(), a.mediaType(), a.sizeBytes(), a.uploadedAt(), path));
                }
                zip.json(base + "item.json", ExportDocuments.Evidence.of(details, files));
                zip.count("evidenceItems", 1);
                zip.count("evidenceAttachments", files.size());
                zip.count("evidenceComments", details.comments().size());
                zip.count("evidenceRevisions", details.revisions().size());
            }
            if (rows.size() < PAGE) {
                return;
            }
        }
    }

    private void writeAudit(ExportZip zip, PersonDetails person, AccountData account, boolean internal) {
        var subject = new AuditSubject(
                account == null ? null : account.username(), person.id(), account == null ? null : account.id());
        var personId = String.valueOf(person.id());
        var accountId = account == null ? null : String.valueOf(account.id());
        zip.count(
                "auditEvents",
                zip.<app.rungs.audit.service.AuditEntry>jsonArray(
                        "audit-events.json",
                        last -> auditEvents.eventsAbout(subject, last == null ? 0 : last.id(), PAGE),
                        e -> ExportDocuments.AuditEvent.of(
                                e,
                                internal
                                        || ("Person".equals(e.objectType()) && personId.equals(e.objectId()))
                                        || ("Account".equals(e.objectType())
                                                && Objects.equals(accountId, e.objectId())))));
    }
}
