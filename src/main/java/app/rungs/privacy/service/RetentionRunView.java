package app.rungs.privacy.service;

import app.rungs.privacy.domain.RetentionKind;
import java.time.Instant;
import java.util.List;

/** What a run of the retention job did, kind by kind. */
public record RetentionRunView(Instant startedAt, Instant finishedAt, String triggeredBy, List<Result> results) {

    /** {@code affected}: rows deleted, or people anonymized; {@code flagged}: needs an admin's attention. */
    public record Result(RetentionKind kind, int affected, String note, boolean flagged) {}

    public boolean flagged() {
        return results.stream().anyMatch(Result::flagged);
    }
}
