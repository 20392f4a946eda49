package app.rungs.demo.scale;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the scale generator builds: how many people, evidence items and promotion cases, the calibration sessions'
 * sizes, the random seed and the day the data is relative to. The same spec on the same ladder gives the same data.
 *
 * @param people people in the generated organization (one top executive, three directors and their lines)
 * @param items evidence items, spread over everyone below the top; the named engineer has {@link #namedEngineerItems}
 * @param cases promotion cases (mixed statuses, at most one open case per engineer)
 * @param sessionSizes engineers of each calibration session, smallest first
 * @param seed the random seed: the same seed gives the same organization
 * @param today the day dates are relative to (evidence over the three years before it, cycles of it)
 */
public record ScaleSpec(int people, int items, int cases, List<Integer> sessionSizes, long seed, LocalDate today) {

    /** The benchmark organization of issue 14. */
    public static final int FULL_PEOPLE = 100_000;

    public static final int MIN_PEOPLE = 200;

    public ScaleSpec {
        sessionSizes = List.copyOf(sessionSizes);
        var problems = new ArrayList<String>();
        if (people < MIN_PEOPLE) {
            problems.add("rungs.scale.people must be at least " + MIN_PEOPLE + ", not " + people);
        }
        if (items < namedEngineerItems(people)) {
            problems.add("rungs.scale.items must be at least " + namedEngineerItems(people)
                    + " (the named engineer's items) for " + people + " people, not " + items);
        }
        if (cases < 0 || cases > people / 4) {
            problems.add("rungs.scale.cases must be between 0 and a quarter of the people (" + people / 4 + "), not "
                    + cases);
        }
        for (int size : sessionSizes) {
            if (size < 2 || size > people / 4) {
                problems.add("A calibration session of " + size + " engineers does not fit " + people
                        + " people; use 2 to " + people / 4 + " engineers");
            }
        }
        if (today == null) {
            problems.add("The generator needs the day its dates are relative to");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /**
     * The proportions for any size: 20 items per person, a promotion case per 20 people, sessions of 20, 500
     * and 2,000 engineers at 100,000 people (the larger two scaled down with the organization, never below 20).
     */
    public static ScaleSpec of(int people, Integer items, long seed, LocalDate today) {
        double scale = people / (double) FULL_PEOPLE;
        var sizes = List.of(20, Math.max(20, (int) Math.round(500 * Math.min(1, scale))), Math.max(20, (int)
                Math.round(2_000 * Math.min(1, scale))));
        return new ScaleSpec(people, items == null ? people * 20 : items, people / 20, sizes, seed, today);
    }

    /** The named benchmark engineer's items: 1,500 at full size (a long coverage page), fewer in small orgs. */
    public static int namedEngineerItems(int people) {
        return Math.min(1_500, Math.max(1, people / 10));
    }
}
