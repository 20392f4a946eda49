package app.rungs.cycle.service;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Tells the review-cycle progress view who completed one step of a cycle. A feature that owns a step's data (check-ins,
 * peer feedback, promotion, calibration) implements it as a Spring bean; the cycle feature only knows this interface,
 * so the dependency points from the higher feature to the cycle feature. The progress view shows exactly the steps
 * that have a source.
 *
 * <p>Implementations are called by the cycle service inside its own (read-only, already authorized) transaction and
 * must not check permissions of their own: they answer for the scope they are given and reveal nothing but counts.
 */
public interface CycleProgressSource {

    /** The step this source reports on; at most one source per step. */
    CycleStep step();

    /**
     * How many people of each group of the scope completed this step in the cycle: ONE statement that joins
     * {@link ProgressScope#rows()} to the source's own tables and groups by its {@code group_key}, so the cost does not
     * depend on how many people the scope holds. Groups where nobody completed the step may be absent. An empty scope
     * returns an empty map without a statement.
     */
    Map<Long, Long> completedCounts(CycleRef cycle, ProgressScope scope);

    /** Of the given people, those who completed this step in the cycle (the drill-down of one team). */
    default Set<Long> completed(CycleRef cycle, Collection<Long> personIds) {
        if (personIds == null || personIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(
                completedCounts(cycle, ProgressScope.people(personIds)).keySet());
    }
}
