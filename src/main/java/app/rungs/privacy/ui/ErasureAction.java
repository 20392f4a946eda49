package app.rungs.privacy.ui;

import app.rungs.people.service.PersonDetails;
import app.rungs.people.ui.PersonPageAction;
import app.rungs.privacy.service.ErasureService;
import app.rungs.shared.ui.Badges;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;

/**
 * "Erase personal data" on the page of a person who left (admins only, like the whole action bar), and a "Personal
 * data erased" badge once that happened.
 */
@org.springframework.stereotype.Component
class ErasureAction implements PersonPageAction {

    private final ErasureService erasure;

    ErasureAction(ErasureService erasure) {
        this.erasure = erasure;
    }

    @Override
    public List<Component> actionsFor(PersonDetails person, Runnable reload) {
        if (person.active()) {
            return List.of();
        }
        if (erasure.isErased(person.id())) {
            return List.of(Badges.badge("Personal data erased", "contrast"));
        }
        var erase = new Button(
                "Erase personal data",
                VaadinIcon.ERASER.create(),
                e -> new ErasureDialog(erasure, person.id(), reload).open());
        erase.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return List.of(erase);
    }

    @Override
    public boolean closesRecord(PersonDetails person) {
        return !person.active() && erasure.isErased(person.id());
    }
}
