package app.rungs.checkin.service;

import app.rungs.checkin.domain.CheckIn;
import app.rungs.checkin.domain.CheckInRepository;
import app.rungs.checkin.domain.Side;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.service.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads a check-in for one of its two participants. Everybody else — other managers, skip-level managers, admins,
 * other engineers — is told it does not exist: a check-in is a conversation between two people, not a record the
 * organization browses (the agreed outcome reaches reviewers through the promotion packet only).
 */
@Component
class CheckInAccess {

    private final CheckInRepository checkIns;

    CheckInAccess(CheckInRepository checkIns) {
        this.checkIns = checkIns;
    }

    record Participant(CheckIn checkIn, Side side, Long personId) {}

    Participant participant(Long id) {
        var me = CurrentUser.require().personId();
        var c = id == null ? null : checkIns.findById(id).orElse(null);
        var side = c == null ? null : c.sideOf(me);
        if (side == null) {
            throw notFound();
        }
        return new Participant(c, side, me);
    }

    static NotFoundException notFound() {
        return new NotFoundException("Check-in not found");
    }
}
