package app.rungs.calibration.service;

import java.util.List;

/** Two to four candidates side by side. */
public record Comparison(List<Candidate> candidates) {

    /**
     * @param packet the promotion packet's readiness and missing expectations, when the engineer has a case
     */
    public record Candidate(
            BoardEntry entry,
            Board.LevelGroup level,
            Board.Readiness readiness,
            Board.LastOutcome lastCycle,
            Board.CaseInfo promotionCase,
            PacketSummary packet) {}

    public record PacketSummary(int met, int total, int percent, int missing, int notMet, boolean frozen) {}
}
