package app.rungs.demo;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Dates in demo data are relative to the day the demo is seeded: {@code @date(-80)} is 80 days ago,
 * {@code @date(-200+3y)} three years after 200 days ago, {@code @year(-150)} the year of 150 days ago. Anything
 * else is plain text.
 */
final class DemoDates {

    private static final Pattern DATE = Pattern.compile("@date\\((-?\\d+)(?:\\+(\\d+)y)?\\)");
    private static final Pattern YEAR = Pattern.compile("@year\\((-?\\d+)\\)");

    private DemoDates() {}

    /** The first day of the half-year cycle today falls into: when a decision of last cycle's committee applies. */
    static LocalDate startOfCycle(LocalDate today) {
        return today.getMonthValue() <= 6
                ? today.withDayOfYear(1)
                : today.withMonth(7).withDayOfMonth(1);
    }

    static String resolve(String value, LocalDate today) {
        if (value == null || !value.startsWith("@")) {
            return value;
        }
        var date = DATE.matcher(value);
        if (date.matches()) {
            var day = today.plusDays(Long.parseLong(date.group(1)));
            return (date.group(2) == null ? day : day.plusYears(Long.parseLong(date.group(2)))).toString();
        }
        var year = YEAR.matcher(value);
        if (year.matches()) {
            return String.valueOf(today.plusDays(Long.parseLong(year.group(1))).getYear());
        }
        throw new IllegalArgumentException(
                "Unknown date expression '" + value + "'; use @date(-N), @date(-N+Ky) or @year(-N)");
    }
}
