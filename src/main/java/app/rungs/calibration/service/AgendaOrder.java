package app.rungs.calibration.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The order in which Rungs proposes to discuss a session's engineers: outliers first. Three distances, each in steps
 * of the rating scale:
 *
 * <ul>
 *   <li>disagreement: highest minus lowest pre-rating;
 *   <li>change from last cycle: the proposal (else the lower median pre-rating) against the engineer's previous
 *       published final rating;
 *   <li>manager against the group: the manager's own pre-rating (else their proposal) against the mean pre-rating of
 *       the other participants.
 * </ul>
 *
 * An engineer's outlier score is the largest of the three; engineers are ordered by score, then by the sum of the
 * three, then by name. The inputs (proposals, pre-ratings, last cycle) are frozen once the session starts, so the
 * order does not move while the committee works through it.
 */
public final class AgendaOrder {

    /** What the order is computed from, per engineer. */
    public record Input(
            Long entryId, String personName, String proposal, Spread spread, String lastRating, String lastCycle) {}

    /** One engineer's place on the agenda with the distances and the reason shown. */
    public record Item(
            Long entryId,
            String personName,
            Spread spread,
            int disagreement,
            int lastCycleChange,
            double managerGap,
            String reason) {

        public double score() {
            return Math.max(Math.max(disagreement, lastCycleChange), managerGap);
        }

        double sum() {
            return disagreement + lastCycleChange + managerGap;
        }
    }

    private AgendaOrder() {}

    public static List<Item> order(List<Input> inputs, List<String> scale) {
        var items = new ArrayList<Item>();
        for (var in : inputs) {
            items.add(item(in, scale));
        }
        items.sort(Comparator.comparingDouble(Item::score)
                .reversed()
                .thenComparing(Comparator.comparingDouble(Item::sum).reversed())
                .thenComparing(Item::personName)
                .thenComparing(Item::entryId));
        return List.copyOf(items);
    }

    static Item item(Input in, List<String> scale) {
        var spread = in.spread();
        int disagreement = spread.steps();

        var current = in.proposal() != null ? in.proposal() : lowerMedian(spread, scale);
        int lastChange = 0;
        int now = current == null ? -1 : scale.indexOf(current);
        int before = in.lastRating() == null ? -1 : scale.indexOf(in.lastRating());
        if (now >= 0 && before >= 0) {
            lastChange = Math.abs(now - before);
        }

        double gap = 0;
        String managerRating = null;
        String managerName = null;
        double othersSum = 0;
        int others = 0;
        for (var v : spread.votes()) {
            int i = scale.indexOf(v.rating());
            if (v.manager()) {
                managerRating = v.rating();
                managerName = v.raterName();
            } else if (i >= 0) {
                othersSum += i;
                others++;
            }
        }
        if (managerRating == null) {
            managerRating = in.proposal();
        }
        double othersMean = others == 0 ? 0 : othersSum / others;
        if (managerRating != null && scale.indexOf(managerRating) >= 0 && others > 0) {
            gap = Math.round(Math.abs(scale.indexOf(managerRating) - othersMean) * 10) / 10.0;
        }

        var reasons = new ArrayList<String[]>();
        if (disagreement > 0) {
            reasons.add(new String[] {
                String.valueOf(disagreement),
                "Pre-ratings range " + spread.low() + "–" + spread.high() + " (" + steps(disagreement) + "), "
                        + spread.disagree() + " of " + spread.votes().size() + " disagree"
            });
        }
        if (lastChange > 0) {
            reasons.add(new String[] {
                String.valueOf(lastChange),
                (now > before ? "Up " : "Down ") + steps(lastChange) + " from last cycle (" + in.lastRating()
                        + (in.lastCycle() == null ? "" : ", " + in.lastCycle()) + " → " + current + ")"
            });
        }
        if (gap > 0) {
            reasons.add(new String[] {
                String.valueOf(gap),
                (managerName == null ? "The manager's proposal" : "Manager " + managerName) + " rates "
                        + managerRating + ", the others average " + nearest(othersMean, scale) + " ("
                        + format(gap) + " steps apart)"
            });
        }
        reasons.sort(Comparator.comparingDouble((String[] r) -> Double.parseDouble(r[0]))
                .reversed());
        var reason = reasons.isEmpty()
                ? (spread.votes().isEmpty() ? "No pre-ratings to compare" : "Pre-ratings agree")
                : String.join("; ", reasons.stream().map(r -> r[1]).toList());
        return new Item(in.entryId(), in.personName(), spread, disagreement, lastChange, gap, reason);
    }

    private static String lowerMedian(Spread spread, List<String> scale) {
        var idx = spread.votes().stream()
                .mapToInt(v -> scale.indexOf(v.rating()))
                .filter(i -> i >= 0)
                .sorted()
                .toArray();
        return idx.length == 0 ? null : scale.get(idx[(idx.length - 1) / 2]);
    }

    private static String nearest(double mean, List<String> scale) {
        return scale.get((int) Math.max(0, Math.min(scale.size() - 1, Math.round(mean))));
    }

    private static String steps(int n) {
        return n + (n == 1 ? " step" : " steps");
    }

    private static String format(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }
}
