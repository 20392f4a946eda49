package app.rungs.checkin.ui;

import app.rungs.checkin.service.Startable;
import app.rungs.promotion.service.Cycles;
import app.rungs.shared.ui.Formats;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;

/** Starts a check-in for oneself or a direct report: who, the cycle it belongs to (optional) and the due date. */
class StartCheckInDialog extends Dialog {

    final ComboBox<Startable> person = new ComboBox<>("Check-in of");
    final TextField cycle = new TextField("Cycle");
    final DatePicker due = new DatePicker("Due");
    final Button start = new Button("Start check-in");

    StartCheckInDialog(CheckInServices services, Consumer<Long> started) {
        setId("start-check-in");
        setHeaderTitle("Start a check-in");
        var options = services.reads().startable();
        person.setItems(options);
        person.setItemLabelGenerator(s -> s.self() ? s.fullName() + " (me)" : s.fullName());
        person.setId("start-person");
        if (!options.isEmpty()) {
            person.setValue(options.getFirst());
        }
        person.setRequired(true);
        cycle.setId("start-cycle");
        cycle.setValue(Cycles.of(Formats.today()));
        cycle.setHelperText("Ties the check-in to a review cycle, e.g. 2026-H2; leave empty for none.");
        cycle.setMaxLength(20);
        Formats.localize(due);
        due.setId("start-due");
        due.setValue(Formats.today().plusDays(14));
        due.setMin(Formats.today());
        due.setRequired(true);
        due.setHelperText("Reminders go to whoever has not submitted, three days before and when overdue.");
        var lead = new Paragraph("You and the other person each rate every competency of the next level on your own."
                + " Neither sees the other's ratings until both have submitted.");
        lead.addClassName("muted");
        var form = new FormLayout(person, cycle, due);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(lead, form);
        start.setId("start-confirm");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(e -> {
            if (person.getValue() == null) {
                Toasts.error("Choose whose check-in to start.");
                return;
            }
            var id = new Long[1];
            if (Toasts.attempt(() -> id[0] =
                    services.checkIns().start(person.getValue().personId(), cycle.getValue(), due.getValue()))) {
                close();
                started.accept(id[0]);
            }
        });
        var cancel = new Button("Cancel", e -> close());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        getFooter().add(cancel, start);
    }
}
