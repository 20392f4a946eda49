package app.rungs.evidence.service;

import app.rungs.evidence.domain.EvidenceStatus;

/**
 * A reviewer acknowledged or returned an item. Published inside the review's transaction (see
 * docs/decisions/0012), so whoever reacts to it does so exactly when the review commits.
 *
 * @param outcome {@link EvidenceStatus#ACKNOWLEDGED} or {@link EvidenceStatus#RETURNED}
 * @param reviewerId the reviewer's person id, null for an account without a person
 * @param note the reviewer's note (optional when acknowledging) or the return comment (always present)
 * @param link the in-app route where the owner finds their evidence
 */
public record EvidenceReviewed(
        Long evidenceId,
        Long ownerId,
        String title,
        String levelKey,
        EvidenceStatus outcome,
        Long reviewerId,
        String reviewerName,
        String note,
        String link) {}
