package app.rungs.calibration.service;

import app.rungs.promotion.service.CaseRow;
import app.rungs.promotion.service.CommitteeCases;
import app.rungs.promotion.service.PromotionService;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What the committee reads from the promotion feature about engineers outside a member's own line: the cases of the
 * session's engineers in its cycle and a case's packet summary, through {@link CommitteeCases}, which the promotion
 * feature grants to the session's committee ({@link CommitteeCaseGrant}). Callers have established through
 * {@link SessionAccess} that the user belongs to the session's committee.
 */
@Component
class CommitteeReads {

    private final PromotionService promotions;
    private final CommitteeCases cases;

    CommitteeReads(PromotionService promotions, CommitteeCases cases) {
        this.promotions = promotions;
        this.cases = cases;
    }

    record CycleCases(Map<Long, CaseRow> byId, Map<Long, CaseRow> open) {}

    /** The promotion cases of these engineers in the cycle, by id, and each engineer's open one. */
    CycleCases casesOf(String cycle, Collection<Long> engineerIds) {
        var byId = new HashMap<Long, CaseRow>();
        var open = new HashMap<Long, CaseRow>();
        for (var r : cases.ofCycle(cycle, engineerIds)) {
            byId.put(r.id(), r);
            if (r.status().open()) {
                open.merge(r.engineerId(), r, (a, b) -> a.id() < b.id() ? a : b);
            }
        }
        return new CycleCases(byId, open);
    }

    /**
     * Moves a submitted case into calibration for the session's facilitator; the promotion feature checks through
     * {@link CommitteeCaseGrant#facilitates} that the user facilitates a session calibrating the engineer.
     */
    void startCalibration(Long caseId, String note) {
        promotions.startCalibrationForSession(caseId, note);
    }

    Comparison.PacketSummary packetSummary(Long caseId) {
        try {
            var packet = cases.frozenPacket(caseId)
                    .orElseGet(() -> promotions.details(caseId).packet());
            var r = packet.readiness();
            return new Comparison.PacketSummary(
                    r.met(),
                    r.total(),
                    r.percent(),
                    r.missing().size(),
                    r.notMet().size(),
                    packet.frozen());
        } catch (ValidationException | NotFoundException e) {
            return null;
        }
    }
}
