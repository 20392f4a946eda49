package app.rungs.calibration.service;

import app.rungs.calibration.domain.CalibrationEntry;
import app.rungs.calibration.domain.Decision;
import app.rungs.calibration.domain.Potential;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One engineer on the board. Only the committee (facilitator, participants, admins) ever gets these; engineers see
 * their {@link Outcome} instead, never the notes.
 *
 * @param version the version to pass back when changing the entry
 * @param potential rated in sessions that rate potential, else null
 */
public record BoardEntry(
        Long id,
        Long sessionId,
        Long personId,
        String personName,
        Long teamId,
        String teamName,
        Long managerId,
        String managerName,
        Long ladderId,
        String levelKey,
        LocalDate levelSince,
        Long caseId,
        String caseTargetLevel,
        String proposedRating,
        String proposalRationale,
        String proposedBy,
        Instant proposedAt,
        String finalRating,
        Decision decision,
        String feedback,
        String notes,
        Instant updatedAt,
        long version,
        Potential potential) {

    public boolean hasCase() {
        return caseId != null;
    }

    static BoardEntry of(CalibrationEntry e) {
        return new BoardEntry(
                e.getId(),
                e.getSessionId(),
                e.getPersonId(),
                e.getPersonName(),
                e.getTeamId(),
                e.getTeamName(),
                e.getManagerId(),
                e.getManagerName(),
                e.getLadderId(),
                e.getLevelKey(),
                e.getLevelSince(),
                e.getCaseId(),
                e.getCaseTargetLevel(),
                e.getProposedRating(),
                e.getProposalRationale(),
                e.getProposedBy(),
                e.getProposedAt(),
                e.getFinalRating(),
                e.getDecision(),
                e.getFeedback(),
                e.getNotes(),
                e.getUpdatedAt(),
                e.getVersion(),
                e.getPotential());
    }
}
