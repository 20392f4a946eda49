package app.rungs.growth.ui;

import app.rungs.growth.service.GoalForm;
import app.rungs.growth.service.GrowthPlan;
import app.rungs.growth.service.GrowthPlan.CompetencyOption;
import app.rungs.growth.service.GrowthPlan.EvidenceChoice;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.ValidationException;
import app.rungs.shared.ui.Formats;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.function.SerializableRunnable;
import java.util.stream.Collectors;

/** Adds or edits a goal: a competency of the next level, a title, a target date and linked evidence. */
class GoalDialog extends Dialog {

    final ComboBox<CompetencyOption> competency = new ComboBox<>("Competency");
    final TextField title = new TextField("Goal");
    final DatePicker target = Formats.localize(new DatePicker("Target date"));
    final MultiSelectComboBox<EvidenceChoice> evidence = new MultiSelectComboBox<>("Linked evidence");
    final Paragraph error = new Paragraph();
    final Button save;

    GoalDialog(
            GrowthPlan plan, GrowthPlan.Goal goal, SerializableConsumer<GoalForm> action, SerializableRunnable saved) {
        setHeaderTitle(goal == null ? "New goal" : "Edit goal");
        setWidth("min(40rem, 96vw)");
        competency.setId("goal-competency");
        competency.setItems(plan.competencies());
        competency.setItemLabelGenerator(c -> c.name() + " · " + c.levelKey());
        competency.setRequiredIndicatorVisible(true);
        title.setId("goal-title");
        title.setMaxLength(200);
        title.setRequiredIndicatorVisible(true);
        title.setPlaceholder("Lead the design review of the next storage migration");
        target.setId("goal-target");
        target.setRequiredIndicatorVisible(true);
        target.setMin(Formats.today());
        evidence.setId("goal-evidence");
        evidence.setItems(plan.evidence());
        evidence.setItemLabelGenerator(e -> e.title() + " · " + Formats.date(e.occurredOn()));
        evidence.setHelperText("Evidence of " + plan.personName() + " that shows progress on this goal.");
        if (goal != null) {
            plan.competencies().stream()
                    .filter(c -> c.key().equals(goal.competencyKey()))
                    .findFirst()
                    .ifPresent(competency::setValue);
            title.setValue(goal.title());
            target.setMin(null);
            target.setValue(goal.targetDate());
            var linked = goal.evidence().stream().map(EvidenceChoice::id).collect(Collectors.toSet());
            evidence.setValue(plan.evidence().stream()
                    .filter(e -> linked.contains(e.id()))
                    .collect(Collectors.toSet()));
        } else {
            target.setValue(Formats.today().plusMonths(3));
        }
        var form = new FormLayout(competency, target, title, evidence);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("28rem", 2));
        form.setColspan(title, 2);
        form.setColspan(evidence, 2);
        error.addClassName("form-error");
        error.setVisible(false);
        add(form, error);
        save = new Button("Save goal", e -> {
            try {
                action.accept(new GoalForm(
                        competency.getValue() == null
                                ? null
                                : competency.getValue().key(),
                        title.getValue(),
                        target.getValue(),
                        evidence.getValue().stream().map(EvidenceChoice::id).collect(Collectors.toSet())));
                close();
                saved.run();
            } catch (ValidationException | ConcurrentEditException problem) {
                error.setText(
                        problem instanceof ValidationException v
                                ? String.join(" ", v.problems())
                                : problem.getMessage());
                error.setVisible(true);
            }
        });
        save.setId("goal-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button("Cancel", e -> close());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        getFooter().add(cancel, save);
    }
}
