package app.rungs.calibration.service;

import java.util.List;

/**
 * The revealed pre-ratings of one engineer and how far they are apart.
 *
 * @param low the lowest pre-rating (null: nobody pre-rated)
 * @param high the highest
 * @param steps how many steps of the scale lie between the lowest and the highest
 * @param disagree how many raters gave another rating than the most common one
 */
public record Spread(List<Vote> votes, String low, String high, int steps, int disagree) {

    /** One participant's pre-rating; {@code manager} marks the engineer's own manager. */
    public record Vote(Long raterId, String raterName, String rating, boolean manager) {}

    public static Spread of(List<Vote> votes, List<String> scale) {
        if (votes.isEmpty()) {
            return new Spread(List.of(), null, null, 0, 0);
        }
        int min = Integer.MAX_VALUE;
        int max = -1;
        var counts = new int[scale.size()];
        for (var v : votes) {
            int i = scale.indexOf(v.rating());
            if (i < 0) {
                continue;
            }
            min = Math.min(min, i);
            max = Math.max(max, i);
            counts[i]++;
        }
        if (max < 0) {
            return new Spread(List.copyOf(votes), null, null, 0, 0);
        }
        int most = 0;
        for (var c : counts) {
            most = Math.max(most, c);
        }
        return new Spread(List.copyOf(votes), scale.get(min), scale.get(max), max - min, votes.size() - most);
    }

    /** "Meets–Exceeds · 1 of 3 disagree", "Exceeds · all 2 agree", "No pre-ratings" */
    public String label() {
        if (votes.isEmpty()) {
            return "No pre-ratings";
        }
        if (steps == 0) {
            return low + " · " + (votes.size() == 1 ? "1 pre-rating" : "all " + votes.size() + " agree");
        }
        return low + "–" + high + " · " + disagree + " of " + votes.size() + " disagree";
    }
}
