package app.rungs.notification.service;

import app.rungs.people.service.EmailAddresses;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.domain.DateTexts;
import app.rungs.shared.service.ValidationException;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each person's choice of which notifications also reach them by email, and how dates in their emails are written.
 * Everyone reads and changes only their own; the outbox asks {@link #wants} before writing a message.
 */
@Service
public class EmailPreferences {

    private final JdbcClient jdbc;
    private final MailChannel channel;
    private final EmailAddresses addresses;

    EmailPreferences(DataSource dataSource, MailChannel channel, EmailAddresses addresses) {
        this.jdbc = JdbcClient.create(dataSource);
        this.channel = channel;
        this.addresses = addresses;
    }

    /** One category as the profile section shows it. */
    public record Choice(EmailCategory category, boolean enabled) {}

    /**
     * The signed-in person's email settings: whether the admin configured email at all, the address mail goes to
     * (empty when they cannot be emailed), and the choice per category.
     */
    public record MyEmailSettings(boolean configured, String address, List<Choice> choices, String datesWritten) {}

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public MyEmailSettings mine() {
        var me = requirePerson();
        var chosen = chosen(me);
        boolean admin = CurrentUser.require().has(app.rungs.security.domain.Role.ADMIN);
        var choices = java.util.Arrays.stream(EmailCategory.values())
                .filter(c -> admin || c != EmailCategory.ADMIN_ALERTS) // only admins get those alerts
                .map(c -> new Choice(c, chosen.getOrDefault(c, c.defaultOn())))
                .toList();
        var format = formatOf(me);
        return new MyEmailSettings(
                channel.enabled(),
                addresses.addressOf(me).orElse(""),
                choices,
                DateTexts.date(java.time.LocalDate.of(2026, 12, 31), format.locale()) + ", "
                        + format.zone().getId());
    }

    /**
     * Saves the signed-in person's choices (categories left out keep their current setting) and remembers the
     * locale and time zone their browser uses, for the dates in their emails.
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void saveMine(Map<EmailCategory, Boolean> choices, Locale locale, ZoneId zone) {
        var me = requirePerson();
        if (choices == null || choices.entrySet().stream().anyMatch(e -> e.getKey() == null || e.getValue() == null)) {
            throw new ValidationException("Choose on or off for each kind of email.");
        }
        choices.forEach((category, enabled) -> jdbc.sql("""
                        insert into email_preference (person_id, category, enabled) values (:person, :category, :on)
                        on conflict (person_id, category) do update set enabled = excluded.enabled""")
                .param("person", me)
                .param("category", category.name())
                .param("on", enabled)
                .update());
        if (locale != null && zone != null) {
            jdbc.sql("""
                            insert into email_recipient_format (person_id, locale, time_zone)
                            values (:person, :locale, :zone)
                            on conflict (person_id) do update set locale = excluded.locale,
                                time_zone = excluded.time_zone""")
                    .param("person", me)
                    .param("locale", DateTexts.displayLocale(locale).toLanguageTag())
                    .param("zone", zone.getId())
                    .update();
        }
    }

    /** Whether this person wants emails of this category (their choice, else the category's default). */
    boolean wants(Long personId, EmailCategory category) {
        return jdbc.sql("select enabled from email_preference where person_id = :person and category = :category")
                .param("person", personId)
                .param("category", category.name())
                .query(Boolean.class)
                .optional()
                .orElse(category.defaultOn());
    }

    /** How dates are written in this person's emails; the default locale and the server's zone until they choose. */
    RecipientFormat formatOf(Long personId) {
        return jdbc.sql("select locale, time_zone from email_recipient_format where person_id = :person")
                .param("person", personId)
                .query((rs, n) -> new RecipientFormat(
                        Locale.forLanguageTag(rs.getString("locale")), zoneOrDefault(rs.getString("time_zone"))))
                .optional()
                .orElse(new RecipientFormat(DateTexts.DEFAULT_LOCALE, ZoneId.systemDefault()));
    }

    private static ZoneId zoneOrDefault(String id) {
        try {
            return ZoneId.of(id);
        } catch (java.time.DateTimeException e) {
            return ZoneId.systemDefault();
        }
    }

    private Map<EmailCategory, Boolean> chosen(Long personId) {
        var result = new EnumMap<EmailCategory, Boolean>(EmailCategory.class);
        jdbc.sql("select category, enabled from email_preference where person_id = :person")
                .param("person", personId)
                .query(rs -> {
                    try {
                        result.put(EmailCategory.valueOf(rs.getString("category")), rs.getBoolean("enabled"));
                    } catch (IllegalArgumentException retired) {
                        // a category no longer offered: nothing to show
                    }
                });
        return result;
    }

    private static Long requirePerson() {
        var me = CurrentUser.require().personId();
        if (me == null) {
            throw new ValidationException("Your account is not linked to a person, so there is nothing to email.");
        }
        return me;
    }

    /** The locale and time zone of one recipient's emails. */
    record RecipientFormat(Locale locale, ZoneId zone) {}
}
