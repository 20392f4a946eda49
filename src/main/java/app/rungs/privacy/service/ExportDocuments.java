package app.rungs.privacy.service;

import app.rungs.audit.service.AuditEntry;
import app.rungs.evidence.service.EvidenceDetails;
import app.rungs.promotion.service.CaseDetails;
import app.rungs.promotion.service.Packet;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The JSON documents of a personal data export (format described in README.txt of every export and docs/privacy.md). */
final class ExportDocuments {

    private ExportDocuments() {}

    /** manifest.json: what this export is, whom it is about, who made it and what it contains. */
    record Manifest(
            String format,
            int formatVersion,
            Instant generatedAt,
            Long personId,
            String personName,
            String exportedBy,
            String scope,
            List<String> files,
            Map<String, Integer> counts) {}

    /** evidence/&lt;id&gt;/item.json: one evidence item with its comments, attachments and earlier revisions. */
    record Evidence(
            Long id,
            String type,
            String title,
            LocalDate occurredOn,
            String description,
            String impact,
            String levelKey,
            List<String> competencyKeys,
            List<String> links,
            Map<String, String> details,
            String status,
            int revision,
            Instant submittedAt,
            Instant reviewedAt,
            String reviewedBy,
            String reviewComment,
            Instant createdAt,
            Instant updatedAt,
            List<Attachment> attachments,
            List<EvidenceDetails.Comment> comments,
            List<EvidenceDetails.Revision> revisions) {

        static Evidence of(EvidenceDetails d, List<Attachment> files) {
            return new Evidence(
                    d.id(),
                    d.type().name(),
                    d.title(),
                    d.occurredOn(),
                    d.description(),
                    d.impact(),
                    d.levelKey(),
                    d.competencyKeys(),
                    d.links(),
                    d.details(),
                    d.status().name(),
                    d.revision(),
                    d.submittedAt(),
                    d.reviewedAt(),
                    d.reviewedBy(),
                    d.reviewComment(),
                    d.createdAt(),
                    d.updatedAt(),
                    files,
                    d.comments(),
                    d.revisions());
        }
    }

    /** An attachment's metadata with the path of its bytes inside the ZIP. */
    record Attachment(Long id, String fileName, String mediaType, long sizeBytes, Instant uploadedAt, String path) {}

    /** One promotion case, as the viewer the export is made for sees it. */
    record PromotionCase(
            Long id,
            String cycle,
            String status,
            boolean selfNominated,
            String nominatedByName,
            String justification,
            String closingNote,
            LocalDate effectiveDate,
            Instant decidedAt,
            String decidedBy,
            Instant createdAt,
            Instant updatedAt,
            Packet packet,
            List<CaseDetails.Reviewer> reviewers,
            List<CaseDetails.Event> timeline,
            List<CaseDetails.Comment> comments) {

        static PromotionCase of(CaseDetails c) {
            return new PromotionCase(
                    c.id(),
                    c.cycle(),
                    c.status().name(),
                    c.selfNominated(),
                    c.nominatedByName(),
                    c.justification(),
                    c.closingNote(),
                    c.effectiveDate(),
                    c.decidedAt(),
                    c.decidedBy(),
                    c.createdAt(),
                    c.updatedAt(),
                    c.packet(),
                    c.reviewers(),
                    c.timeline(),
                    c.comments());
        }
    }

    /**
     * One audit event. Events about the person's own record or account are complete (summary, before/after).
     * Events where they only acted on something else (a manager acknowledging a report's evidence) keep what, when
     * and on which object, but not the summary or states: those describe the other person's data, which belongs to
     * that person's export. An admin's internal export keeps everything.
     */
    record AuditEvent(
            Long id,
            Instant occurredAt,
            String actor,
            String action,
            String objectType,
            String objectId,
            String summary,
            @JsonRawValue String before,
            @JsonRawValue String after) {

        static AuditEvent of(AuditEntry e, boolean complete) {
            return new AuditEvent(
                    e.id(),
                    e.occurredAt(),
                    e.actor(),
                    e.action(),
                    e.objectType(),
                    e.objectId(),
                    complete ? e.summary() : null,
                    complete ? e.beforeState() : null,
                    complete ? e.afterState() : null);
        }
    }
}
