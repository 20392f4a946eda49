package app.rungs.shared.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The one date and time format of Rungs, for a given locale and time zone: a medium date ("30 Nov 2026" in the UK,
 * "Nov 30, 2026" in the US) and a short time. Screens format through {@code shared.ui.Formats}; services (messages,
 * exports, notifications) through the one-argument methods here, which use the locale and zone of the user whose
 * request is running (installed by the UI layer), else {@link #DEFAULT_LOCALE} and the server's zone.
 */
public final class DateTexts {

    /** When nothing better is known: day, abbreviated month and year, which no reader misreads. */
    public static final Locale DEFAULT_LOCALE = Locale.UK;

    private static volatile Supplier<Locale> currentLocale = () -> DEFAULT_LOCALE;
    private static volatile Supplier<ZoneId> currentZone = ZoneId::systemDefault;

    private DateTexts() {}

    /** Installed once by the UI layer: where to find the locale and zone of the user whose request is running. */
    public static void resolveWith(Supplier<Locale> locale, Supplier<ZoneId> zone) {
        currentLocale = locale;
        currentZone = zone;
    }

    public static Locale currentLocale() {
        return currentLocale.get();
    }

    /** English (the language of Rungs) with the conventions of the user's region: en-US, en-GB, en-DE… */
    public static Locale displayLocale(Locale requested) {
        if (requested == null || requested.getCountry().isEmpty()) {
            return DEFAULT_LOCALE;
        }
        return new Locale.Builder()
                .setLanguage("en")
                .setRegion(requested.getCountry())
                .build();
    }

    /** The zone of the user whose request is running, else the server's. */
    public static ZoneId currentZone() {
        return currentZone.get();
    }

    public static String date(LocalDate date) {
        return date(date, currentLocale());
    }

    /** The calendar day of an instant where the user is. */
    public static String date(Instant instant) {
        return instant == null ? "" : date(LocalDate.ofInstant(instant, currentZone()), currentLocale());
    }

    public static String date(LocalDate date, Locale locale) {
        return date == null
                ? ""
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(locale)
                        .format(date);
    }

    public static String dateTime(Instant instant) {
        return dateTime(instant, currentLocale(), currentZone());
    }

    public static String dateTime(Instant instant, Locale locale, ZoneId zone) {
        return instant == null
                ? ""
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(locale)
                        .format(instant.atZone(zone));
    }
}
