package app.rungs.evidence.service;

import app.rungs.evidence.domain.CommentKind;
import app.rungs.evidence.domain.EvidenceSource;
import app.rungs.evidence.domain.EvidenceStatus;
import app.rungs.evidence.domain.EvidenceType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything shown about one item, with what the signed-in user may do with it; {@code source} is the system its draft
 * arrived from (null when the engineer started it).
 */
public record EvidenceDetails(
        Long id,
        Long ownerId,
        String ownerName,
        Long ladderId,
        EvidenceType type,
        String title,
        LocalDate occurredOn,
        String description,
        String impact,
        String levelKey,
        List<String> competencyKeys,
        List<String> links,
        Map<String, String> details,
        EvidenceStatus status,
        int revision,
        Instant submittedAt,
        Instant reviewedAt,
        String reviewedBy,
        String reviewComment,
        Instant createdAt,
        Instant updatedAt,
        long version,
        List<Attachment> attachments,
        List<Comment> comments,
        List<Revision> revisions,
        Permissions may,
        EvidenceSource source) {

    public record Attachment(Long id, String fileName, String mediaType, long sizeBytes, Instant uploadedAt) {}

    public record Comment(Long id, CommentKind kind, String authorName, String body, Instant createdAt) {}

    /** An earlier revision kept when acknowledged content was edited. */
    public record Revision(
            int revision, EvidenceStatus status, Instant recordedAt, String recordedBy, Snapshot snapshot) {}

    /** The content of an earlier revision. */
    public record Snapshot(
            String type,
            String title,
            String occurredOn,
            String description,
            String impact,
            String levelKey,
            List<String> competencyKeys,
            List<String> links,
            Map<String, String> details,
            String reviewedBy,
            String reviewedAt,
            List<String> attachments) {}

    /** What the signed-in user may do with the item. */
    public record Permissions(
            boolean edit, boolean submit, boolean review, boolean comment, boolean attach, boolean delete) {}

    public EvidenceInput toInput() {
        return new EvidenceInput(
                type, title, occurredOn, description, impact, levelKey, competencyKeys, links, details);
    }
}
