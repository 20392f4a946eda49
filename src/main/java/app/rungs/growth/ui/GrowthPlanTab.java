package app.rungs.growth.ui;

import app.rungs.growth.service.GrowthEditing;
import app.rungs.growth.service.GrowthPlans;
import app.rungs.people.service.PersonDetails;
import app.rungs.people.ui.PersonPageTab;
import com.vaadin.flow.component.Component;

/** The person page's "Growth plan" tab: goals towards the next level, for the person and their manager chain. */
@org.springframework.stereotype.Component
class GrowthPlanTab implements PersonPageTab {

    private final GrowthPlans plans;
    private final GrowthEditing editing;

    GrowthPlanTab(GrowthPlans plans, GrowthEditing editing) {
        this.plans = plans;
        this.editing = editing;
    }

    @Override
    public String label() {
        return "Growth plan";
    }

    @Override
    public int order() {
        return 23;
    }

    @Override
    public boolean isVisibleFor(PersonDetails person) {
        return person.ladderId() != null;
    }

    @Override
    public Component create(PersonDetails person) {
        return new GrowthPlanPanel(plans, editing, person.id());
    }
}
