package app.rungs.shared.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Formatting shared by views. */
public final class Formats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(Locale.ENGLISH);

    private Formats() {}

    public static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** The day of an instant, in the server's zone (as {@link #dateTime}). */
    public static String date(Instant instant) {
        return instant == null
                ? ""
                : DATE.format(instant.atZone(ZoneId.systemDefault()).toLocalDate());
    }

    public static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(ZoneId.systemDefault()));
    }

    /** "in level for 2 y 3 mo", or "in this level from 1 Dec 2026" when the change takes effect later. */
    public static String timeInLevel(LocalDate since, LocalDate today) {
        if (since == null) {
            return "";
        }
        if (since.isAfter(today)) {
            return "in this level from " + date(since);
        }
        return since.equals(today) ? "in this level from today" : "in level for " + since(since, today);
    }

    /** "(2 y 3 mo)" after a start date: how long someone has been with the organization. */
    public static String tenure(LocalDate start, LocalDate today) {
        if (start == null) {
            return "";
        }
        if (start.isAfter(today)) {
            return "starts " + date(start);
        }
        return start.equals(today) ? "started today" : since(start, today);
    }

    /** "2 y 3 mo", "5 mo", "3 wk", "4 d" — how long since a date (never rounded up: a new start is not a week). */
    public static String since(LocalDate from, LocalDate today) {
        if (from == null) {
            return "";
        }
        var p = Period.between(from, today);
        if (p.isNegative()) {
            return "from " + date(from);
        }
        if (p.getYears() > 0) {
            return p.getYears() + " y" + (p.getMonths() > 0 ? " " + p.getMonths() + " mo" : "");
        }
        if (p.getMonths() > 0) {
            return p.getMonths() + " mo";
        }
        return p.getDays() >= 7 ? p.getDays() / 7 + " wk" : p.getDays() + " d";
    }
}
