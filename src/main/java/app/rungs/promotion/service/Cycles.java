package app.rungs.promotion.service;

import java.time.LocalDate;
import java.util.regex.Pattern;

/** Promotion cycle labels such as "2026-H2". */
public final class Cycles {

    static final Pattern LABEL = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9 ._-]{1,19}$");

    private Cycles() {}

    /** The half-year cycle a date falls into: "2026-H1" for January to June, "2026-H2" for July to December. */
    public static String of(LocalDate date) {
        return date.getYear() + (date.getMonthValue() <= 6 ? "-H1" : "-H2");
    }

    /** The cycle before the given date's cycle. */
    public static String previous(LocalDate date) {
        return of(date.minusMonths(6));
    }
}
