package app.rungs.promotion.service;

import app.rungs.evidence.service.EvidenceReadGrant;
import app.rungs.promotion.domain.CaseStatus;
import app.rungs.promotion.domain.PromotionReviewerRepository;
import app.rungs.security.service.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * The reviewers of a promotion case read the engineer's acknowledged evidence and coverage (the packet) while the case
 * is open, even from outside the engineer's reporting line. Once the case is decided, withdrawn or declined the
 * grant ends; a frozen packet needs no evidence read.
 */
@Component
class ReviewerEvidenceGrant implements EvidenceReadGrant {

    private final PromotionReviewerRepository reviewers;

    ReviewerEvidenceGrant(PromotionReviewerRepository reviewers) {
        this.reviewers = reviewers;
    }

    @Override
    public boolean grants(Long ownerId) {
        var me = CurrentUser.require().personId();
        return me != null && ownerId != null && reviewers.reviewsCaseOf(me, ownerId, CaseStatus.OPEN);
    }
}
