package app.rungs.promotion.service;

import app.rungs.promotion.domain.CaseStatus;

/** Filters of the promotions grid; null fields do not filter. */
public record CaseFilter(CaseStatus status, String targetLevelKey, String cycle, String engineerName) {

    public static CaseFilter none() {
        return new CaseFilter(null, null, null, null);
    }
}
