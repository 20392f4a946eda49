package app.rungs.notification.ui;

import app.rungs.notification.service.EmailCategory;
import app.rungs.notification.service.EmailPreferences;
import app.rungs.people.service.PersonDetails;
import app.rungs.people.ui.PersonPageTab;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.ui.Formats;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.EnumMap;
import java.util.Map;

/**
 * The "Email" tab of one's own person page ("My profile"): which notifications also come by email. Only the person
 * sees it; when the admin has not configured email it says so instead.
 */
@org.springframework.stereotype.Component
class EmailPreferencesTab implements PersonPageTab {

    private final EmailPreferences preferences;

    EmailPreferencesTab(EmailPreferences preferences) {
        this.preferences = preferences;
    }

    @Override
    public String label() {
        return "Email";
    }

    @Override
    public int order() {
        return 85;
    }

    @Override
    public boolean isVisibleFor(PersonDetails person) {
        return person.id().equals(CurrentUser.require().personId());
    }

    @Override
    public Component create(PersonDetails person) {
        var panel = new Div();
        panel.setId("email-preferences");
        panel.addClassName("email-preferences");
        panel.getStyle().set("max-width", "52rem");
        var settings = preferences.mine();
        if (!settings.configured()) {
            panel.add(
                    new H3("Email is not configured"),
                    new Paragraph("Your admin has not set up email for Rungs, so notifications and reminders appear"
                            + " in the app only (the bell at the top)."));
            return panel;
        }
        if (settings.address().isBlank()) {
            panel.add(
                    new H3("No address to email"),
                    new Paragraph("Rungs has no email address it can write to for you. Notifications appear in the"
                            + " app only."));
            return panel;
        }
        var intro = new Paragraph("Notifications always appear in the app. Choose which of them also come by email"
                + " to " + settings.address() + ".");
        panel.add(intro);
        var boxes = new EnumMap<EmailCategory, Checkbox>(EmailCategory.class);
        var list = new Div();
        list.getStyle()
                .set("display", "grid")
                .set("grid-template-columns", "repeat(auto-fill, minmax(20rem, 1fr))")
                .set("gap", "var(--lumo-space-s) var(--lumo-space-l)");
        for (var choice : settings.choices()) {
            var box = new Checkbox(choice.category().label(), choice.enabled());
            box.setId("email-category-" + choice.category().name().toLowerCase(java.util.Locale.ROOT));
            box.setHelperText(choice.category().description());
            boxes.put(choice.category(), box);
            list.add(box);
        }
        panel.add(list);
        var dates = new Span("Dates in emails: " + settings.datesWritten() + " (saved from this browser)");
        dates.addClassName("muted");
        var save = new Button("Save email settings", e -> {
            Map<EmailCategory, Boolean> chosen = new EnumMap<>(EmailCategory.class);
            boxes.forEach((category, box) -> chosen.put(category, box.getValue()));
            if (Toasts.attempt(() -> preferences.saveMine(chosen, Formats.locale(), Formats.zone()))) {
                Toasts.success("Email settings saved");
            }
        });
        save.setId("save-email-settings");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var actions = new Div(save, dates);
        actions.getStyle()
                .set("margin", "var(--lumo-space-m) 0")
                .set("display", "flex")
                .set("align-items", "center")
                .set("gap", "var(--lumo-space-m)")
                .set("flex-wrap", "wrap");
        panel.add(actions);
        return panel;
    }
}
