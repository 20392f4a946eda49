package app.rungs.calibration.ui;

import app.rungs.calibration.service.CalibrationSessions;
import app.rungs.calibration.service.NewSession;
import app.rungs.calibration.service.RatingScale;
import app.rungs.calibration.service.ScopePreview;
import app.rungs.cycle.service.CycleStep;
import app.rungs.cycle.service.ReviewCycles;
import app.rungs.cycle.ui.CycleField;
import app.rungs.people.service.Colleague;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.TeamOption;
import app.rungs.shared.service.ValidationException;
import app.rungs.shared.ui.Badges;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.function.SerializableConsumer;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Creates a session: name, cycle, scope (teams and/or levels; the engineers are pulled in automatically), extra
 * participants and the rating scale. A live preview shows who the scope pulls in.
 */
class NewSessionDialog extends Dialog {

    final TextField name = new TextField("Name");
    final ComboBox<String> cycle;
    final MultiSelectComboBox<TeamOption> teams = new MultiSelectComboBox<>("Teams");
    final MultiSelectComboBox<String> levels = new MultiSelectComboBox<>("Levels");
    final MultiSelectComboBox<Colleague> extra = new MultiSelectComboBox<>("Also invite");
    final TextField scale = new TextField("Rating scale");
    final Div preview = new Div();
    final Paragraph error = new Paragraph();
    final Button create = new Button("Create session");
    private final CalibrationSessions sessions;

    NewSessionDialog(
            CalibrationSessions sessions,
            PeopleService people,
            ReviewCycles cycles,
            SerializableConsumer<Long> created) {
        this.sessions = sessions;
        setHeaderTitle("New calibration session");
        setWidth("min(720px, 96vw)");
        addClassName("new-session-dialog");
        var options = sessions.scopeOptions();
        cycle = CycleField.create(cycles, CycleStep.CALIBRATION, options.currentCycle());

        name.setId("session-name");
        name.setRequired(true);
        name.setPlaceholder(cycle.getValue() + " Storage & Streaming");
        name.setMaxLength(200);
        cycle.setId("session-cycle");
        cycle.setHelperText("Its promotion cases are decided here.");
        teams.setId("session-teams");
        teams.setItems(options.teams());
        teams.setItemLabelGenerator(TeamOption::name);
        teams.setHelperText("Empty: the levels across all teams.");
        levels.setId("session-levels");
        levels.setItems(options.levelKeys());
        levels.setHelperText("Empty: every level of the teams.");
        extra.setId("session-extra");
        extra.setHelperText("The managers of the engineers in scope take part automatically.");
        extra.setItemLabelGenerator(c -> c.fullName() + (c.teamName() == null ? "" : " · " + c.teamName()));
        extra.setItems(
                query -> people.colleagues(query.getFilter().orElse(""), query.getOffset() + query.getLimit()).stream()
                        .skip(query.getOffset()));
        scale.setId("session-scale");
        scale.setValue(String.join(", ", RatingScale.DEFAULT));
        scale.setHelperText("Lowest first, comma-separated, 2 to 7.");

        preview.addClassName("scope-preview");
        preview.setId("scope-preview");
        teams.addValueChangeListener(e -> updatePreview());
        levels.addValueChangeListener(e -> updatePreview());
        updatePreview();

        error.addClassName("form-error");
        error.setVisible(false);

        var form = new FormLayout(name, cycle, scale, teams, levels, extra);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("520px", 2));
        form.setColspan(name, 2);
        form.setColspan(extra, 2);
        add(form, preview, error);

        create.setId("create-session");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> {
            try {
                var id = sessions.create(new NewSession(
                        name.getValue(),
                        cycle.getValue(),
                        teams.getValue().stream().map(TeamOption::id).collect(Collectors.toSet()),
                        Set.copyOf(levels.getValue()),
                        extra.getValue().stream().map(Colleague::id).collect(Collectors.toSet()),
                        RatingScale.parse(scale.getValue())));
                close();
                Toasts.success("Session created. Managers can now enter their proposals.");
                created.accept(id);
            } catch (ValidationException problem) {
                error.setText(String.join(" ", problem.problems()));
                error.setVisible(true);
            }
        });
        var cancel = new Button("Cancel", e -> close());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        getFooter().add(cancel, create);
    }

    void updatePreview() {
        preview.removeAll();
        if (teams.getValue().isEmpty() && levels.getValue().isEmpty()) {
            preview.add(new Span("Choose teams and/or levels to see who is pulled in."));
            preview.removeClassName("ready");
            return;
        }
        ScopePreview p = sessions.preview(
                teams.getValue().stream().map(TeamOption::id).collect(Collectors.toSet()),
                Set.copyOf(levels.getValue()));
        var headline = new Span(p.engineers() + (p.engineers() == 1 ? " engineer" : " engineers") + " in scope");
        headline.addClassName("scope-preview-count");
        preview.add(headline);
        for (var m : p.managers()) {
            preview.add(Badges.badge(m.managerName() + " · " + m.engineers(), "primary"));
        }
        preview.addClassName("ready");
    }
}
