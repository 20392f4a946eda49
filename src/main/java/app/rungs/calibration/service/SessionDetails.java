package app.rungs.calibration.service;

import app.rungs.calibration.domain.SessionAction;
import app.rungs.calibration.domain.SessionStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A session's header: scope, scale, facilitator, participants, status, and what the signed-in user may do with it.
 *
 * @param seesAll false for a participant while the session is preparing: they see only their own people then
 * @param potentialRated whether the committee rates potential in this session (the 9-box)
 */
public record SessionDetails(
        Long id,
        String name,
        String cycle,
        SessionStatus status,
        List<String> scale,
        List<String> teamNames,
        List<String> levelKeys,
        String facilitatorName,
        List<String> participantNames,
        Instant createdAt,
        Instant startedAt,
        Instant lockedAt,
        Instant publishedAt,
        LocalDate effectiveDate,
        Set<SessionAction> actions,
        boolean seesAll,
        long version,
        boolean potentialRated) {

    public boolean may(SessionAction action) {
        return actions.contains(action);
    }

    /** "Storage Platform, Streaming & Events · DSE-2, DSE-3" */
    public String scopeLabel() {
        var parts = new java.util.ArrayList<String>();
        if (!teamNames.isEmpty()) {
            parts.add(String.join(", ", teamNames));
        }
        if (!levelKeys.isEmpty()) {
            parts.add(String.join(", ", levelKeys));
        }
        return String.join(" · ", parts);
    }
}
