package app.rungs.promotion.ui;

import app.rungs.people.service.PersonDetails;
import app.rungs.people.ui.PersonPageTab;
import app.rungs.promotion.service.PromotionQueries;
import app.rungs.shared.ui.Card;
import app.rungs.shared.ui.Formats;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

/** The person page's "Promotion cases" tab: the person's cases the viewer may see, each linking to its page. */
@org.springframework.stereotype.Component
class PersonPromotionsTab implements PersonPageTab {

    private final PromotionQueries promotions;

    PersonPromotionsTab(PromotionQueries promotions) {
        this.promotions = promotions;
    }

    @Override
    public String label() {
        return "Promotion cases";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public boolean isVisibleFor(PersonDetails person) {
        return person.ladderId() != null;
    }

    @Override
    public Component create(PersonDetails person) {
        var cases = promotions.casesOf(person.id());
        if (cases.isEmpty()) {
            var none = new Paragraph("No promotion case for " + person.fullName() + " that you can see.");
            none.addClassName("muted");
            return new Card("Promotion cases", none);
        }
        var list = new UnorderedList();
        list.addClassName("hub-list");
        for (var c : cases) {
            var link = new RouterLink(
                    c.currentLevelKey() + " → " + c.targetLevelKey() + " · " + c.cycle(),
                    PromotionCaseView.class,
                    new RouteParameters("id", String.valueOf(c.id())));
            var meta = new Span((c.selfNominated() ? "Self-nominated" : "Nominated by " + c.nominatedByName())
                    + " · updated "
                    + Formats.date(c.updatedAt()));
            meta.addClassName("muted");
            var text = new Div(link, meta);
            text.addClassName("hub-text");
            list.add(new ListItem(text, CaseBadges.status(c.status())));
        }
        return new Card("Promotion cases", list);
    }
}
