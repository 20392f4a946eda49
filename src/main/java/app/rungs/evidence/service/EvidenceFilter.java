package app.rungs.evidence.service;

import app.rungs.evidence.domain.EvidenceStatus;
import app.rungs.evidence.domain.EvidenceType;

/** Filters of evidence lists; null fields do not filter. */
public record EvidenceFilter(EvidenceType type, String competencyKey, EvidenceStatus status, String text) {

    public static EvidenceFilter none() {
        return new EvidenceFilter(null, null, null, null);
    }
}
