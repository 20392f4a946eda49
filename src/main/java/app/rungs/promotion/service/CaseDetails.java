package app.rungs.promotion.service;

import app.rungs.promotion.domain.CaseAction;
import app.rungs.promotion.domain.CaseRole;
import app.rungs.promotion.domain.CaseStatus;
import app.rungs.promotion.domain.CommentKind;
import app.rungs.promotion.domain.SignOff;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Everything the case page shows, already filtered for the signed-in user: an engineer's copy never contains
 * committee notes, reviewers' sign-off comments or the notes of "return for changes" steps.
 *
 * @param closingNote the decline reason, withdrawal note or "not yet" feedback
 * @param may what the signed-in user may do now
 */
public record CaseDetails(
        Long id,
        Long engineerId,
        String engineerName,
        Long ladderId,
        String cycle,
        CaseStatus status,
        boolean selfNominated,
        String nominatedByName,
        String justification,
        String closingNote,
        LocalDate effectiveDate,
        Instant decidedAt,
        String decidedBy,
        Instant createdAt,
        Instant updatedAt,
        long version,
        Packet packet,
        List<Reviewer> reviewers,
        List<Event> timeline,
        List<Comment> comments,
        Set<CaseRole> roles,
        Set<CaseAction> may) {

    /**
     * A reviewer and their sign-off; {@code comment} is null for the engineer, and so are {@code signOff} and
     * {@code signedAt} when the organization keeps verdicts for the committee ({@code verdictHidden}).
     */
    public record Reviewer(
            Long personId, String name, SignOff signOff, String comment, Instant signedAt, boolean verdictHidden) {}

    /** A step on the timeline; {@code note} is null where the viewer may not read it. */
    public record Event(CaseAction action, CaseStatus from, CaseStatus to, String actor, String note, Instant at) {}

    public record Comment(Long id, CommentKind kind, String author, String body, Instant at) {}

    public boolean can(CaseAction action) {
        return may.contains(action);
    }

    /** A file name for an export: "promotion-packet-lena-fischer-dse-3.pdf". */
    public String exportFileName(String extension) {
        var ascii = java.text.Normalizer.normalize(
                        engineerName + "-" + packet.targetLevelKey(), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        return "promotion-packet-" + ascii + "." + extension;
    }

    public String levels() {
        return packet.currentLevelKey() + " → " + packet.targetLevelKey();
    }
}
