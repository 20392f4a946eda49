package app.rungs.calibration.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/** Rating scales: two to seven distinct ratings, lowest first. */
public final class RatingScale {

    public static final List<String> DEFAULT = List.of("Below", "Meets", "Exceeds", "Greatly exceeds");
    static final int MIN = 2;
    static final int MAX = 7;
    static final int MAX_LENGTH = 40;

    private RatingScale() {}

    /** Parses "Below, Meets, Exceeds" as typed into the form. */
    public static List<String> parse(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        return List.of(text.split(",")).stream().map(String::strip).toList();
    }

    /** The scale to store, or the problems with it. */
    static List<String> check(List<String> scale, List<String> problems) {
        if (scale == null || scale.isEmpty()) {
            return DEFAULT;
        }
        var result = new ArrayList<String>();
        var seen = new HashSet<String>();
        for (var raw : scale) {
            var rating = raw == null ? "" : raw.strip();
            if (rating.isEmpty()) {
                problems.add(
                        "A rating of the scale is empty; separate ratings with commas, like Below, Meets, Exceeds.");
                return DEFAULT;
            }
            if (rating.length() > MAX_LENGTH) {
                problems.add("The rating \"" + rating.substring(0, 20) + "…\" is longer than " + MAX_LENGTH
                        + " characters.");
                return DEFAULT;
            }
            if (!seen.add(rating.toLowerCase(Locale.ROOT))) {
                problems.add("The rating \"" + rating + "\" appears twice in the scale.");
                return DEFAULT;
            }
            result.add(rating);
        }
        if (result.size() < MIN || result.size() > MAX) {
            problems.add("A rating scale has " + MIN + " to " + MAX + " ratings; this one has " + result.size() + ".");
            return DEFAULT;
        }
        return List.copyOf(result);
    }
}
