package app.rungs.evidence.service;

/**
 * Lets another feature vouch that the signed-in user may read someone's acknowledged evidence and coverage when that
 * user is neither the owner, nor their manager, nor an admin: the reviewers of a promotion case read the packet
 * built from the engineer's evidence. Implemented by the feature that knows (promotion). Drafts, submitted and
 * returned items stay hidden from such a reader.
 */
public interface EvidenceReadGrant {

    /** True when the signed-in user may read this owner's acknowledged evidence and coverage. */
    boolean grants(Long ownerId);
}
