package app.rungs.insights.service;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The dates a cycle label stands for: "2026-H1" is January to June 2026, "2026-H2" July to December (as
 * {@code promotion.service.Cycles} labels them). Other labels have no dates: they filter promotion cases only.
 */
record CycleWindow(LocalDate from, LocalDate to) {

    private static final Pattern HALF_YEAR = Pattern.compile("^(\\d{4})-H([12])$");

    static Optional<CycleWindow> of(String label) {
        if (label == null) {
            return Optional.empty();
        }
        var m = HALF_YEAR.matcher(label);
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        boolean first = m.group(2).equals("1");
        var from = LocalDate.of(year, first ? 1 : 7, 1);
        return Optional.of(new CycleWindow(from, from.plusMonths(6).minusDays(1)));
    }
}
