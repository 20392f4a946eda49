package app.rungs.evidence.service;

import app.rungs.ladder.service.LadderContent;

/** Whose evidence it is and the ladder their competencies and levels come from. */
public record EvidenceContext(
        Long personId, String fullName, String levelKey, String nextLevelKey, LadderContent ladder) {}
