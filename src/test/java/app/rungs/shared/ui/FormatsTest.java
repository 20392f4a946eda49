package app.rungs.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import app.rungs.shared.domain.DateTexts;
import com.vaadin.flow.server.VaadinSession;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One date and time format, in the user's locale and zone; the fallback when no browser is asking. */
class FormatsTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 29);
    static final Instant EVENING = Instant.parse("2026-11-29T19:52:28Z");

    @AfterEach
    void noSession() {
        VaadinSession.setCurrent(null);
    }

    private static void browserSays(Locale locale) {
        var session = mock(VaadinSession.class);
        when(session.getAttribute(Formats.LOCALE_ATTRIBUTE)).thenReturn(locale);
        VaadinSession.setCurrent(session);
    }

    @Test
    void withoutABrowserDatesReadDayMonthYear() {
        assertThat(Formats.locale()).isEqualTo(Locale.UK);
        assertThat(Formats.date(DAY)).isEqualTo("29 Nov 2026");
        assertThat(DateTexts.date(DAY)).isEqualTo("29 Nov 2026");
    }

    @Test
    void theBrowsersRegionDecidesTheOrderInEnglish() {
        browserSays(Locale.US);
        assertThat(Formats.date(DAY)).isEqualTo("Nov 29, 2026");
        browserSays(Locale.GERMANY);
        assertThat(Formats.locale().getLanguage()).isEqualTo("en");
        assertThat(Formats.date(DAY)).isEqualTo("29 Nov 2026");
        browserSays(Locale.ENGLISH);
        assertThat(Formats.date(DAY)).as("no region: the fallback").isEqualTo("29 Nov 2026");
    }

    @Test
    void dateAndTimeIsTheSameDateFormatWithAShortTimeInTheUsersZone() {
        assertThat(DateTexts.dateTime(EVENING, Locale.UK, ZoneId.of("UTC"))).isEqualTo("29 Nov 2026, 19:52");
        assertThat(DateTexts.dateTime(EVENING, Locale.UK, ZoneId.of("Asia/Tokyo")))
                .as("already the next day in Tokyo")
                .isEqualTo("30 Nov 2026, 04:52");
        assertThat(DateTexts.dateTime(EVENING, Locale.US, ZoneId.of("UTC"))).matches("Nov 29, 2026, 7:52[\\s\u202f]PM");
    }

    @Test
    void aStartTodayIsNotAWeek() {
        var today = LocalDate.of(2026, 11, 30);
        assertThat(Formats.tenure(today, today)).isEqualTo("started today");
        assertThat(Formats.since(today.minusDays(6), today)).isEqualTo("6 d");
        assertThat(Formats.since(today.minusDays(7), today)).isEqualTo("1 wk");
        assertThat(Formats.tenure(today.plusDays(3), today)).isEqualTo("starts 3 Dec 2026");
        assertThat(Formats.timeInLevel(today.plusDays(3), today)).isEqualTo("in this level from 3 Dec 2026");
    }

    @Test
    void emptyDatesReadAsNothing() {
        assertThat(Formats.date((LocalDate) null)).isEmpty();
        assertThat(Formats.date((Instant) null)).isEmpty();
        assertThat(Formats.dateTime(null)).isEmpty();
    }
}
