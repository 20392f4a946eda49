package app.rungs.shared.ui;

import app.rungs.shared.domain.DateTexts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.server.VaadinSession;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Locale;

/**
 * THE place that formats dates and times for the screen: one format (see {@link DateTexts}) in the user's locale
 * (the browser's language region) and time zone (the browser's), falling back to {@link DateTexts#DEFAULT_LOCALE}
 * and the server's zone outside a browser request.
 */
public final class Formats {

    /** The session attribute holding the browser's preferred locale, set when the session starts. */
    static final String LOCALE_ATTRIBUTE = Formats.class.getName() + ".locale";

    private Formats() {}

    /** The user's display locale: English with the conventions of their browser's region. */
    public static Locale locale() {
        var requested = locked(() -> VaadinSession.getCurrent().getAttribute(LOCALE_ATTRIBUTE));
        return requested instanceof Locale l ? DateTexts.displayLocale(l) : DateTexts.DEFAULT_LOCALE;
    }

    /**
     * Reads session state under the session's lock: downloads (packet PDF, exports) run in a request that does not hold
     * it, and Vaadin refuses unlocked access. Null outside a Vaadin session.
     */
    private static <T> T locked(java.util.function.Supplier<T> read) {
        var session = VaadinSession.getCurrent();
        if (session == null) {
            return null;
        }
        if (session.hasLock()) {
            return read.get();
        }
        session.lock();
        try {
            return read.get();
        } finally {
            session.unlock();
        }
    }

    /** A count with the user's digit grouping ("139,932"). */
    public static String number(long value) {
        return java.text.NumberFormat.getIntegerInstance(locale()).format(value);
    }

    /** The user's time zone as their browser reports it. */
    public static ZoneId zone() {
        var id = locked(() -> {
            var ui = UI.getCurrent();
            var details = ui == null ? null : ui.getPage().getExtendedClientDetails();
            return details == null ? null : details.getTimeZoneId();
        });
        if (id != null && !id.isBlank()) {
            try {
                return ZoneId.of(id);
            } catch (DateTimeException unknown) {
                // A zone this JVM does not know: the server's zone is the closest guess.
            }
        }
        return ZoneId.systemDefault();
    }

    /** Today where the user is. */
    public static LocalDate today() {
        return LocalDate.now(zone());
    }

    public static String date(LocalDate date) {
        return DateTexts.date(date, locale());
    }

    /** The calendar day of an instant, where the user is. */
    public static String date(Instant instant) {
        return instant == null ? "" : date(LocalDate.ofInstant(instant, zone()));
    }

    public static String dateTime(Instant instant) {
        return DateTexts.dateTime(instant, locale(), zone());
    }

    /** A date picker that reads and writes dates in the user's locale. */
    public static DatePicker localize(DatePicker picker) {
        picker.setLocale(locale());
        return picker;
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
