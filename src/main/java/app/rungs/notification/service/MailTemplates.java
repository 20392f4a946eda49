package app.rungs.notification.service;

import app.rungs.notification.service.EmailPreferences.RecipientFormat;
import app.rungs.shared.domain.DateTexts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders emails from the templates in {@code resources/mail/}: an HTML and a plain-text part of each. Thymeleaf's
 * {@code th:text} escapes everything, so names, titles and notes written by users cannot add markup to an email.
 * Dates are written in the recipient's locale and time zone, in the one format of Rungs ({@link DateTexts}).
 */
@Component
class MailTemplates {

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final MailChannel channel;

    MailTemplates(MailChannel channel) {
        this.channel = channel;
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        var resolver = new ClassLoaderTemplateResolver(MailTemplates.class.getClassLoader());
        resolver.setPrefix("mail/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        return resolver;
    }

    /** A rendered email. */
    record RenderedMail(String subject, String text, String html) {}

    /** What one outbox message says, to whom. */
    record Message(
            String recipientName,
            EmailCategory category,
            String subject,
            String body,
            String link,
            Instant dueAt,
            Instant createdAt) {}

    RenderedMail notification(Message message, RecipientFormat format) {
        var model = new HashMap<String, Object>();
        model.put("recipientName", message.recipientName());
        model.put("category", message.category().name());
        model.put("categoryLabel", message.category().label());
        model.put("subject", message.subject());
        model.put("body", message.body());
        model.put("url", channel.url(message.link()));
        model.put("action", action(message.category()));
        model.put(
                "due",
                message.dueAt() == null ? null : DateTexts.dateTime(message.dueAt(), format.locale(), format.zone()));
        model.put("sentOn", DateTexts.date(LocalDate.ofInstant(message.createdAt(), format.zone()), format.locale()));
        model.put("preferencesUrl", channel.url("profile"));
        var template = message.category() == EmailCategory.REMINDERS ? "reminder" : "notification";
        return render(template, message.subject(), model);
    }

    RenderedMail test(String requestedBy) {
        var model = new HashMap<String, Object>();
        model.put("requestedBy", requestedBy);
        model.put("url", channel.url("admin/email"));
        return render("test", "Rungs test email", model);
    }

    /** The button (and text link) caption of each kind of email. */
    private static String action(EmailCategory category) {
        return switch (category) {
            case REVIEW_ACTIVITY -> "Open in Rungs";
            case PROMOTION -> "Open the promotion case";
            case CALIBRATION -> "See your outcome";
            case REMINDERS -> "Open what is due";
            case ADMIN_ALERTS -> "Open the audit log";
            case CHECK_INS -> "Open the check-in";
            case FEEDBACK -> "Open your feedback requests";
        };
    }

    private RenderedMail render(String template, String subject, Map<String, Object> model) {
        var context = new Context(DateTexts.DEFAULT_LOCALE, model);
        return new RenderedMail(
                subject, engine.process(template + ".txt", context), engine.process(template + ".html", context));
    }
}
