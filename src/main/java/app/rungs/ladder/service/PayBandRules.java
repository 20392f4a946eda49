package app.rungs.ladder.service;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What makes a pay band valid, shared by the editor, the YAML validator and the CSV reader so every path says the
 * same thing: an ISO 4217 currency, whole non-negative amounts with min ≤ mid ≤ max, an effective date, one band per
 * currency and level.
 */
final class PayBandRules {

    /** Far above any salary in any currency, and far below where long arithmetic or the database would overflow. */
    static final long MAX_AMOUNT = 1_000_000_000_000L;

    private static final Pattern CODE = Pattern.compile("^[A-Z]{3}$");

    /** A problem with one field of a band ("" for the band as a whole). */
    record Problem(String field, String message) {}

    private PayBandRules() {}

    static boolean isCurrency(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return false;
        }
        try {
            return Currency.getInstance(code).getCurrencyCode().equals(code);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static List<Problem> check(String currency, Long min, Long mid, Long max, LocalDate effectiveOn) {
        var problems = new ArrayList<Problem>();
        if (currency == null || currency.isBlank()) {
            problems.add(new Problem("currency", "is missing; give an ISO 4217 code such as EUR or USD"));
        } else if (!isCurrency(currency)) {
            problems.add(new Problem(
                    "currency",
                    "'" + currency + "' is not an ISO 4217 currency code (three capital letters, such as EUR or USD)"));
        }
        amount(problems, "min", min);
        amount(problems, "mid", mid);
        amount(problems, "max", max);
        if (min != null && mid != null && min > mid) {
            problems.add(new Problem("mid", "(" + mid + ") is below min (" + min + "); min ≤ mid ≤ max"));
        }
        if (mid != null && max != null && mid > max) {
            problems.add(new Problem("max", "(" + max + ") is below mid (" + mid + "); min ≤ mid ≤ max"));
        } else if (mid == null && min != null && max != null && min > max) {
            problems.add(new Problem("max", "(" + max + ") is below min (" + min + "); min ≤ mid ≤ max"));
        }
        if (effectiveOn == null) {
            problems.add(new Problem("effective", "is missing; give the date the band applies from (YYYY-MM-DD)"));
        }
        return problems;
    }

    interface Sink {
        void problem(int index, String field, String message);
    }

    /** Checks the bands of one level in a ladder file, reporting each problem with the band's index. */
    static void check(List<LadderDocument.PayBandDoc> bands, Sink sink) {
        if (bands == null) {
            return;
        }
        var currencies = new HashSet<String>();
        for (int i = 0; i < bands.size(); i++) {
            var b = bands.get(i);
            if (b == null) {
                sink.problem(i, "", "is empty");
                continue;
            }
            LocalDate effective = null;
            if (b.effective() != null) {
                try {
                    effective = LocalDate.parse(b.effective().strip());
                } catch (DateTimeParseException e) {
                    sink.problem(i, "effective", "'" + b.effective() + "' is not a date; write it as YYYY-MM-DD");
                    effective = LocalDate.MIN;
                }
            }
            for (var p : check(b.currency(), b.min(), b.mid(), b.max(), effective)) {
                sink.problem(i, p.field(), p.message());
            }
            if (b.currency() != null && !currencies.add(b.currency().toUpperCase(Locale.ROOT))) {
                sink.problem(i, "currency", b.currency() + " is given twice for this level; one band per currency");
            }
        }
    }

    private static void amount(List<Problem> problems, String field, Long value) {
        if (value == null) {
            problems.add(new Problem(field, "is missing; give a whole amount in the band's currency"));
        } else if (value < 0) {
            problems.add(new Problem(field, "(" + value + ") is negative"));
        } else if (value > MAX_AMOUNT) {
            problems.add(new Problem(field, "(" + value + ") is larger than " + MAX_AMOUNT));
        }
    }
}
