package app.rungs.calibration.service;

import app.rungs.calibration.domain.CalibrationEntryRepository;
import app.rungs.promotion.service.CaseReadGrant;
import app.rungs.security.service.CurrentUser;
import java.util.Collection;
import org.springframework.stereotype.Component;

/**
 * A calibration committee reads the promotion cases of the engineers it calibrates: the facilitator and participants
 * of a session of the cycle may read the cases of that session's engineers in that cycle.
 */
@Component
class CommitteeCaseGrant implements CaseReadGrant {

    private final CalibrationEntryRepository entries;

    CommitteeCaseGrant(CalibrationEntryRepository entries) {
        this.entries = entries;
    }

    @Override
    public boolean grants(String cycle, Collection<Long> engineerIds) {
        var me = CurrentUser.require();
        var ids = engineerIds.stream().distinct().toList();
        return !ids.isEmpty()
                && entries.countCalibratedBy(cycle, ids, me.username(), me.personId() == null ? -1L : me.personId())
                        == ids.size();
    }

    @Override
    public boolean facilitates(String cycle, Long engineerId) {
        var me = CurrentUser.require();
        return entries.countFacilitatedBy(cycle, engineerId, me.username()) > 0;
    }
}
