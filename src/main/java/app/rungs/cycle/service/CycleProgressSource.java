package app.rungs.cycle.service;

import java.util.Collection;
import java.util.Set;

/**
 * Tells the review-cycle progress view who completed one step of a cycle. A feature that owns a step's data (check-ins,
 * peer feedback, promotion, calibration) implements it as a Spring bean; the cycle feature only knows this interface,
 * so the dependency points from the higher feature to the cycle feature. The progress view shows exactly the steps
 * that have a source.
 *
 * <p>Implementations are called by the cycle service inside its own (read-only, already authorized) transaction and
 * must not check permissions of their own: they answer for the ids they are given and reveal nothing but membership.
 */
public interface CycleProgressSource {

    /** The step this source reports on; at most one source per step. */
    CycleStep step();

    /**
     * Of the given people, those who completed this step in the cycle.
     *
     * <p>One statement, whatever the number of ids: bind the ids as ONE array parameter ({@code person_id = any(?)},
     * e.g. {@code personIds.toArray(Long[]::new)}), never as an IN list or one query per person. An empty collection
     * returns an empty set without a statement.
     *
     * @param cycle the cycle (label and date span)
     * @param personIds the people asked about (distinct, non-null)
     * @return the subset of {@code personIds} that completed the step; never null
     */
    Set<Long> completed(CycleRef cycle, Collection<Long> personIds);
}
