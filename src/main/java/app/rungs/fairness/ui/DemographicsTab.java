package app.rungs.fairness.ui;

import app.rungs.fairness.domain.EthnicMinority;
import app.rungs.fairness.domain.Gender;
import app.rungs.fairness.service.DemographicsService;
import app.rungs.fairness.service.MyDemographics;
import app.rungs.people.service.PersonDetails;
import app.rungs.people.ui.PersonPageTab;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;

/**
 * "Demographics" on one's own profile: self-reported, every question optional, "prefer not to say" allowed, and only
 * while the organization records demographics. No one else ever gets this tab.
 */
@org.springframework.stereotype.Component
class DemographicsTab implements PersonPageTab {

    private final DemographicsService demographics;

    DemographicsTab(DemographicsService demographics) {
        this.demographics = demographics;
    }

    @Override
    public String label() {
        return "Demographics";
    }

    @Override
    public int order() {
        return 87;
    }

    @Override
    public boolean isVisibleFor(PersonDetails person) {
        return person.id().equals(CurrentUser.require().personId());
    }

    @Override
    public Component create(PersonDetails person) {
        var panel = new Div();
        panel.setId("demographics");
        panel.addClassName("demographics-form");
        fill(panel, demographics.mine());
        return panel;
    }

    private void fill(Div panel, MyDemographics mine) {
        panel.removeAll();
        if (!mine.recorded()) {
            panel.add(
                    new H3("Your organization does not record demographics"),
                    new Paragraph("Nothing is asked or stored. If your admins switch recording on, you may answer"
                            + " here; answering stays optional."));
            if (mine.version() >= 0) {
                panel.add(deleteButton(panel));
            }
            return;
        }
        var gender = new Select<Gender>();
        gender.setId("demographics-gender");
        gender.setLabel("Gender");
        gender.setItems(Gender.values());
        gender.setItemLabelGenerator(g -> g == null ? "Not answered" : g.label());
        gender.setEmptySelectionAllowed(true);
        gender.setEmptySelectionCaption("Not answered");
        gender.setValue(mine.gender());
        var minority = new Select<EthnicMinority>();
        minority.setId("demographics-ethnic-minority");
        minority.setLabel("Do you belong to an ethnic minority where you work?");
        minority.setItems(EthnicMinority.values());
        minority.setItemLabelGenerator(m -> m == null ? "Not answered" : m.label());
        minority.setEmptySelectionAllowed(true);
        minority.setEmptySelectionCaption("Not answered");
        minority.setValue(mine.ethnicMinority());
        minority.setWidthFull();
        var save = new Button("Save", e -> {
            if (Toasts.attempt(() -> demographics.saveMine(gender.getValue(), minority.getValue(), mine.version()))) {
                Toasts.success("Your answers are saved");
            }
            fill(panel, demographics.mine());
        });
        save.setId("demographics-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var hint = new Paragraph("Optional, and only ever used in aggregate: the outcome audit of calibration shows"
                + " ratings and promotions by these groups to a few admins with an explicit permission, and hides"
                + " any group smaller than the organization's minimum. No one can read your answers.");
        hint.addClassName("muted");
        var actions = new Div(save);
        actions.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)");
        if (mine.version() >= 0) {
            actions.add(deleteButton(panel));
        }
        panel.add(hint, gender, minority, actions);
    }

    private Button deleteButton(Div panel) {
        var delete = new Button("Delete my answers", e -> {
            if (Toasts.attempt(demographics::deleteMine)) {
                Toasts.success("Your answers are deleted");
            }
            fill(panel, demographics.mine());
        });
        delete.setId("demographics-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        return delete;
    }
}
