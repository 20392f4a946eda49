package app.rungs.cycle.ui;

import app.rungs.cycle.service.CycleForm;
import app.rungs.cycle.service.CycleStep;
import app.rungs.cycle.service.CycleView;
import app.rungs.cycle.service.ReviewCycles;
import app.rungs.cycle.service.StepWindow;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.ValidationException;
import app.rungs.shared.ui.EmptyState;
import app.rungs.shared.ui.Formats;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.function.SerializableConsumer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;

/** Opens a cycle (label and five windows) or moves the windows of an open one. Problems stay in the dialog. */
class CycleDialog extends Dialog {

    final TextField label = new TextField("Label");
    final Map<CycleStep, DatePicker> opens = new EnumMap<>(CycleStep.class);
    final Map<CycleStep, DatePicker> dues = new EnumMap<>(CycleStep.class);
    final Div problems = new Div();
    final Button save;

    CycleDialog(ReviewCycles cycles, CycleView existing, String suggestedLabel, SerializableConsumer<Long> saved) {
        setHeaderTitle(existing == null ? "Open a review cycle" : "Edit the dates of " + existing.label());
        setWidth("min(44rem, 96vw)");
        addClassName("cycle-dialog");
        var intro = new Paragraph(
                existing == null
                        ? "Each step has a window: the day it opens and its deadline. Steps follow each other; windows may"
                                + " overlap. Managers are reminded a week before nominations close."
                        : "Moving the nominations deadline re-arms the managers' reminders.");
        intro.addClassName("muted");

        label.setId("cycle-label");
        label.setMaxLength(20);
        label.setHelperText("Unique, for example 2026-H2. Promotion cases and calibration sessions use it.");
        label.setRequiredIndicatorVisible(true);
        var form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        if (existing == null) {
            label.setValue(suggestedLabel);
            form.add(label, 2);
        }
        var start = LocalDate.now(Formats.zone());
        for (var step : CycleStep.values()) {
            var from = Formats.localize(new DatePicker(step.label() + " opens"));
            var to = Formats.localize(new DatePicker(step.label() + " deadline"));
            from.setId("cycle-" + id(step) + "-opens");
            to.setId("cycle-" + id(step) + "-due");
            if (existing != null) {
                from.setValue(existing.window(step).opens());
                to.setValue(existing.window(step).due());
            } else {
                // A suggestion to adjust: two weeks per step, one after the other.
                from.setValue(start.plusWeeks(2L * step.ordinal()));
                to.setValue(start.plusWeeks(2L * step.ordinal() + 2).minusDays(1));
            }
            opens.put(step, from);
            dues.put(step, to);
            form.add(from, to);
        }
        problems.addClassName("form-error");
        problems.setId("cycle-problems");
        problems.setVisible(false);
        add(intro, form, problems);

        save = new Button(existing == null ? "Open cycle" : "Save dates", e -> {
            var windows = new ArrayList<StepWindow>();
            for (var step : CycleStep.values()) {
                windows.add(new StepWindow(
                        step, opens.get(step).getValue(), dues.get(step).getValue()));
            }
            try {
                Long id;
                if (existing == null) {
                    id = cycles.open(new CycleForm(label.getValue(), windows));
                    Toasts.success("Review cycle " + label.getValue().strip() + " is open.");
                } else {
                    cycles.reschedule(existing.id(), windows, existing.version());
                    id = existing.id();
                    Toasts.success("Dates of " + existing.label() + " saved.");
                }
                close();
                saved.accept(id);
            } catch (ValidationException problem) {
                show(EmptyState.problems(problem.problems()));
            } catch (ConcurrentEditException conflict) {
                show(new Paragraph(conflict.getMessage()));
            }
        });
        save.setId("cycle-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button("Cancel", e -> close());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        getFooter().add(cancel, save);
    }

    private void show(com.vaadin.flow.component.Component content) {
        problems.removeAll();
        problems.add(content);
        problems.setVisible(true);
    }

    static String id(CycleStep step) {
        return step.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
