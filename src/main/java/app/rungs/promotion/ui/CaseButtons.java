package app.rungs.promotion.ui;

import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;

/** The buttons of the case page: primary steps, the approval, and small inline tools. */
final class CaseButtons {

    private CaseButtons() {}

    static Button primary(String text, ComponentEventListener<ClickEvent<Button>> click) {
        var b = new Button(text, click);
        b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return b;
    }

    static Button success(String text, ComponentEventListener<ClickEvent<Button>> click) {
        var b = new Button(text, VaadinIcon.CHECK.create(), click);
        b.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        return b;
    }

    static Button small(String text, VaadinIcon icon, ComponentEventListener<ClickEvent<Button>> click) {
        var b = new Button(text, icon.create(), click);
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        return b;
    }
}
