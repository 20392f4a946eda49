package app.rungs.evidence.ui;

import app.rungs.people.service.PersonDetails;
import app.rungs.people.ui.PersonPageTab;
import com.vaadin.flow.component.Component;

/** The person page's "Evidence" tab: the person's evidence, which their manager reviews from here. */
@org.springframework.stereotype.Component
class PersonEvidenceTab implements PersonPageTab {

    private final EvidenceServices evidence;

    PersonEvidenceTab(EvidenceServices evidence) {
        this.evidence = evidence;
    }

    @Override
    public String label() {
        return "Evidence";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public boolean isVisibleFor(PersonDetails person) {
        return person.ladderId() != null;
    }

    @Override
    public Component create(PersonDetails person) {
        return new PersonEvidencePanel(evidence, person.id());
    }
}
