package app.rungs.people.service;

import java.time.LocalDate;

/** Buckets of time in the current level, for filtering the people grid. */
public enum TimeInLevel {
    UNDER_ONE_YEAR("Under 1 year", 0, 1),
    ONE_TO_TWO_YEARS("1–2 years", 1, 2),
    TWO_TO_FOUR_YEARS("2–4 years", 2, 4),
    FOUR_YEARS_OR_MORE("4 years or more", 4, Integer.MAX_VALUE);

    private final String label;
    private final int fromYears;
    private final int toYears;

    TimeInLevel(String label, int fromYears, int toYears) {
        this.label = label;
        this.fromYears = fromYears;
        this.toYears = toYears;
    }

    public String label() {
        return label;
    }

    /** The latest level-since date in this bucket (inclusive). */
    LocalDate latestSince(LocalDate today) {
        return today.minusYears(fromYears);
    }

    /** The earliest level-since date in this bucket (exclusive), or null when unbounded. */
    LocalDate earliestSinceExclusive(LocalDate today) {
        return toYears == Integer.MAX_VALUE ? null : today.minusYears(toYears);
    }
}
