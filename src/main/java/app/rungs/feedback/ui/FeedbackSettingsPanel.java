package app.rungs.feedback.ui;

import app.rungs.feedback.domain.EngineerVisibility;
import app.rungs.feedback.service.FeedbackSettingsService;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;

/** The admin's choice of what engineers read of feedback about themselves; every change is audited. */
class FeedbackSettingsPanel extends Div {

    final RadioButtonGroup<EngineerVisibility> choice = new RadioButtonGroup<>();
    private final FeedbackSettingsService settings;
    private long version;

    FeedbackSettingsPanel(FeedbackSettingsService settings) {
        this.settings = settings;
        addClassNames("card", "feedback-settings");
        var title = new H3("What engineers see of feedback about themselves");
        title.addClassName("card-title");
        var intro = new Paragraph("Managers above the engineer, whoever asked, and the reviewers and committee of"
                + " the engineer's promotion case always read answers with names. This applies to the engineer's"
                + " screens and to the promotion packet she views or exports.");
        intro.addClassName("muted");
        choice.setId("feedback-visibility");
        choice.setItems(EngineerVisibility.values());
        choice.setRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(v -> {
            var label = new Span(v.label());
            label.addClassName("choice-label");
            var description = new Span(v.description());
            description.addClassName("muted");
            var box = new Div(label, new Div(description));
            box.addClassName("choice");
            return box;
        }));
        choice.addThemeName("vertical");
        var save = new Button("Save", e -> save());
        save.setId("feedback-visibility-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(title, intro, choice, new Div(save));
        load();
    }

    private void load() {
        var current = settings.settings();
        choice.setValue(current.engineerVisibility());
        version = current.version();
    }

    private void save() {
        if (Toasts.attempt(() -> settings.change(choice.getValue(), version), conflict -> load())) {
            Toasts.success("Engineers now see: " + choice.getValue().label() + ".");
            load();
        }
    }
}
