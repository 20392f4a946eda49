package app.rungs.cycle.service;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The review cycle a progress question is about: its label (the key promotion cases, calibration sessions and other
 * cycle-bound data carry) and the span from its first window's opening to its last deadline, for sources whose data
 * carry no label and are matched to the cycle by date instead.
 */
public record CycleRef(String label, LocalDate opensOn, LocalDate closesOn) {

    public CycleRef {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(opensOn, "opensOn");
        Objects.requireNonNull(closesOn, "closesOn");
    }
}
