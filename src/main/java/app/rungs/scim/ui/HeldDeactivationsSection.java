package app.rungs.scim.ui;

import app.rungs.scim.service.HeldDeactivation;
import app.rungs.scim.service.ScimSafetyValve;
import app.rungs.shared.ui.Confirm;
import app.rungs.shared.ui.EmptyState;
import app.rungs.shared.ui.Formats;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/** The deactivations the safety valve held, each to confirm (the person leaves today) or reject (they stay). */
class HeldDeactivationsSection extends Div {

    private final ScimSafetyValve valve;
    final Grid<HeldDeactivation> grid = new Grid<>(HeldDeactivation.class, false);
    private final Div empty = EmptyState.of(
            "Nothing is held", "Deactivations over the safety limits would wait here for you to confirm or reject.");

    HeldDeactivationsSection(ScimSafetyValve valve) {
        this.valve = valve;
        grid.setId("scim-held");
        grid.addColumn(HeldDeactivation::personName).setHeader("Person").setAutoWidth(true);
        grid.addColumn(HeldDeactivation::userName).setHeader("userName").setAutoWidth(true);
        grid.addColumn(HeldDeactivation::tokenName).setHeader("Token").setAutoWidth(true);
        grid.addColumn(h -> Formats.dateTime(h.requestedAt()))
                .setHeader("Requested")
                .setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(empty, grid);
        refresh();
    }

    private HorizontalLayout actions(HeldDeactivation h) {
        var confirm = new Button("Deactivate");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        confirm.addClickListener(e -> Confirm.askDestructive(
                "Deactivate " + h.personName() + "?",
                h.personName() + " leaves today: their account is disabled and their history stays.",
                "Deactivate",
                () -> confirm(h)));
        var reject = new Button("Keep active");
        reject.addThemeVariants(ButtonVariant.LUMO_SMALL);
        reject.addClickListener(e -> reject(h));
        return new HorizontalLayout(confirm, reject);
    }

    void confirm(HeldDeactivation h) {
        if (Toasts.attempt(() -> valve.confirm(h.id()))) {
            Toasts.success(h.personName() + " is deactivated.");
        }
        refresh();
    }

    void reject(HeldDeactivation h) {
        if (Toasts.attempt(() -> valve.reject(h.id()))) {
            Toasts.success(h.personName() + " stays active.");
        }
        refresh();
    }

    void refresh() {
        var all = valve.held();
        grid.setItems(all);
        grid.setVisible(!all.isEmpty());
        empty.setVisible(all.isEmpty());
    }
}
