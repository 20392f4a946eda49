package app.rungs.evidence.service;

import app.rungs.evidence.domain.EvidenceAttachment;
import app.rungs.evidence.domain.EvidenceAttachmentRepository;
import app.rungs.evidence.domain.EvidenceItem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The forms of an item other than the entity: list rows, revision snapshots and the audit trail's before/after. */
@Component
class EvidenceSnapshots {

    private final EvidenceAttachmentRepository attachments;
    private final JsonMapper json = JsonMapper.builder().build();

    EvidenceSnapshots(EvidenceAttachmentRepository attachments) {
        this.attachments = attachments;
    }

    JsonMapper json() {
        return json;
    }

    static EvidenceRow row(EvidenceItem e) {
        return new EvidenceRow(
                e.getId(),
                e.getOwnerId(),
                e.getType(),
                e.getTitle(),
                e.getOccurredOn(),
                e.getLevelKey(),
                List.of(e.getCompetencyKeys()),
                e.getStatus(),
                e.getRevision(),
                e.getSubmittedAt(),
                e.getUpdatedAt(),
                e.getReviewComment(),
                e.getVersion(),
                e.getSource());
    }

    Map<String, String> readDetails(String details) {
        if (details == null || details.isBlank()) {
            return Map.of();
        }
        return json.readValue(details, new TypeReference<LinkedHashMap<String, String>>() {});
    }

    EvidenceDetails.Snapshot snapshotRecord(EvidenceItem item) {
        return new EvidenceDetails.Snapshot(
                item.getType().name(),
                item.getTitle(),
                item.getOccurredOn().toString(),
                item.getDescription(),
                item.getImpact(),
                item.getLevelKey(),
                List.of(item.getCompetencyKeys()),
                List.of(item.getLinks()),
                readDetails(item.getDetails()),
                item.getReviewedBy(),
                item.getReviewedAt() == null ? null : item.getReviewedAt().toString(),
                attachments.findByEvidence(item.getId()).stream()
                        .map(EvidenceAttachment::getFileName)
                        .toList());
    }

    /** The audit form of an item's state. */
    Map<String, Object> snapshot(EvidenceItem item) {
        var map = new LinkedHashMap<String, Object>();
        map.put("owner", item.getOwnerId());
        map.put("type", item.getType() == null ? null : item.getType().name());
        map.put("title", item.getTitle());
        map.put(
                "occurredOn",
                item.getOccurredOn() == null ? null : item.getOccurredOn().toString());
        map.put("level", item.getLevelKey());
        map.put("competencies", List.of(item.getCompetencyKeys()));
        map.put("links", List.of(item.getLinks()));
        map.put("details", readDetails(item.getDetails()));
        map.put("description", item.getDescription());
        map.put("impact", item.getImpact());
        map.put("status", item.getStatus().name());
        map.put("revision", item.getRevision());
        return map;
    }

    static String describe(EvidenceItem item) {
        return item.getType().label().toLowerCase(Locale.ROOT) + " \"" + item.getTitle() + "\"";
    }
}
