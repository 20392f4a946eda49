package app.rungs.ladder.service;

import app.rungs.ladder.domain.SpecializationTrack;

/**
 * Where a person is heading on a ladder: their track (null: the shared line only) and their specialization
 * (null: none, so track-specific competencies do not apply to them).
 */
public record PersonPath(String trackKey, SpecializationTrack specialization) {

    /** No track, no specialization: shared levels, core and elective competencies only. */
    public static final PersonPath NONE = new PersonPath(null, null);
}
