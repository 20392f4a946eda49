package app.rungs.people.ui;

import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonDetails;
import app.rungs.shared.ui.Card;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

/**
 * The chain of managers above a person, from the top of the organization down. Contributed through the
 * {@link PersonPageTab} extension point like any other feature's tab.
 */
@org.springframework.stereotype.Component
class ReportingLineTab implements PersonPageTab {

    private final PeopleService people;

    ReportingLineTab(PeopleService people) {
        this.people = people;
    }

    @Override
    public String label() {
        return "Reporting line";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public boolean isVisibleFor(PersonDetails person) {
        return person.managerId() != null;
    }

    @Override
    public Component create(PersonDetails person) {
        var chain = people.reportingChain(person.id()).reversed();
        var list = new UnorderedList();
        list.addClassName("chain");
        for (var manager : chain) {
            var avatar = new Avatar(manager.fullName());
            avatar.addThemeName("small");
            Component name = manager.openable()
                    ? PersonRenderers.personLink(manager.id(), manager.fullName())
                    : new Span(manager.fullName());
            var title = new Span(manager.jobTitle() == null ? "" : manager.jobTitle());
            title.addClassName("person-email");
            list.add(new ListItem(avatar, name, title));
        }
        var avatar = new Avatar(person.fullName());
        avatar.addThemeName("small");
        var self = new Span(person.fullName());
        self.addClassName("chain-self");
        list.add(new ListItem(avatar, self));
        var intro = new Paragraph("From the top of the organization down to " + person.fullName() + ".");
        intro.addClassName("muted");
        return new Card("Reporting line", intro, list);
    }
}
