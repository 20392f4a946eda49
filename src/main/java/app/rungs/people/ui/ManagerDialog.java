package app.rungs.people.ui;

import app.rungs.people.service.PeopleGridService;
import app.rungs.people.service.PersonDetails;
import app.rungs.people.service.PersonOption;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.ValidationException;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** Reassigns a person's manager; the service refuses reporting cycles. */
class ManagerDialog extends Dialog {

    final ComboBox<PersonOption> manager = managerPicker(null);
    final Checkbox top = new Checkbox("No manager: top of the organization");
    final Paragraph error = new Paragraph();

    ManagerDialog(PeopleServices services, PersonDetails person, Runnable onSaved) {
        addClassName("people-dialog");
        setHeaderTitle("Change the manager of " + person.fullName());
        ComboBox<PersonOption> picker = managerPicker(services.grid());
        services.people().option(person.managerId()).ifPresent(picker::setValue);
        top.setValue(person.managerId() == null);
        picker.setEnabled(person.managerId() != null);
        top.addValueChangeListener(e -> picker.setEnabled(!e.getValue()));
        error.addClassName("import-problems");
        error.setVisible(false);
        var layout = new VerticalLayout(picker, top, error);
        layout.setPadding(false);
        add(layout);
        var save = new Button("Save manager", e -> {
            try {
                services.editing()
                        .setManager(
                                person.id(),
                                person.version(),
                                top.getValue() || picker.getValue() == null
                                        ? null
                                        : picker.getValue().id());
                Toasts.success("Saved the manager of " + person.fullName() + ".");
                close();
                onSaved.run();
            } catch (ValidationException | ConcurrentEditException ex) {
                error.setText(ex.getMessage());
                error.setVisible(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    /** A lazy picker over active people, searching name and email in SQL. */
    static ComboBox<PersonOption> managerPicker(PeopleGridService people) {
        var box = new ComboBox<PersonOption>("Manager");
        box.setWidth("24rem");
        box.setPlaceholder("Search by name or email");
        box.setItemLabelGenerator(PersonOption::label);
        box.setClearButtonVisible(true);
        if (people != null) {
            box.setItems(
                    query ->
                            people
                                    .findActive(query.getFilter().orElse(""), query.getOffset(), query.getLimit())
                                    .stream(),
                    query -> people.countActive(query.getFilter().orElse("")));
        }
        return box;
    }
}
