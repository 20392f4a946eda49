package app.rungs.promotion.service;

import app.rungs.promotion.domain.CaseStatus;
import app.rungs.promotion.domain.PromotionCase;
import app.rungs.promotion.domain.PromotionCaseRepository;
import app.rungs.promotion.domain.PromotionReviewerRepository;
import app.rungs.security.service.CurrentUser;
import java.util.List;
import java.util.Set;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who reads an engineer's open promotion case beyond the engineer and their line: the case's reviewers and the
 * committee that calibrates it (vouched for by a {@link CaseReadGrant}). Other features that show case readers
 * something about the engineer (peer feedback) ask here instead of repeating the promotion rules.
 */
@Service
public class CaseReaders {

    private final PromotionCaseRepository cases;
    private final PromotionReviewerRepository reviewers;
    private final List<CaseReadGrant> grants;

    CaseReaders(PromotionCaseRepository cases, PromotionReviewerRepository reviewers, List<CaseReadGrant> grants) {
        this.cases = cases;
        this.reviewers = reviewers;
        this.grants = grants;
    }

    /** True when the signed-in user reviews an open case of the engineer or sits on the committee calibrating one. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public boolean reviewsOrCalibrates(Long engineerId) {
        var me = CurrentUser.require().personId();
        if (me == null || engineerId == null || me.equals(engineerId)) {
            return false;
        }
        if (reviewers.reviewsCaseOf(me, engineerId, CaseStatus.OPEN)) {
            return true;
        }
        if (grants.isEmpty()) {
            return false;
        }
        Specification<PromotionCase> open = (root, query, cb) -> cb.and(
                cb.equal(root.get("engineerId"), engineerId), root.get("status").in(CaseStatus.OPEN));
        return cases.findAll(open).stream()
                .map(PromotionCase::getCycle)
                .distinct()
                .anyMatch(cycle -> grants.stream().anyMatch(g -> g.grants(cycle, Set.of(engineerId))));
    }
}
