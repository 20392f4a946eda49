package app.rungs.people.ui;

import app.rungs.people.service.LevelCatalog;
import app.rungs.people.service.PersonDetails;
import app.rungs.people.service.PersonRow;
import app.rungs.shared.ui.Badges;
import app.rungs.shared.ui.Card;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

/** The person page's direct reports: who reports to this person, with their level. */
final class DirectReportsList {

    private DirectReportsList() {}

    static Component of(PersonDetails person, LevelCatalog catalog) {
        var list = new UnorderedList();
        list.addClassName("report-list");
        for (PersonRow r : person.directReports()) {
            var avatar = new Avatar(r.fullName());
            avatar.addThemeName("small");
            var title = new Span(orDash(r.jobTitle()));
            title.addClassName("person-email");
            var cell = new Div(PersonRenderers.personLink(r.id(), r.fullName()), title);
            cell.addClassName("person-cell");
            var item = new ListItem(
                    avatar,
                    cell,
                    PersonRenderers.levelBadge(
                            r.levelKey(), PersonRenderers.levelText(catalog, r.ladderId(), r.levelKey())));
            item.addClassName("report-item");
            if (!r.active()) {
                item.add(Badges.badge("Left", "error"));
            }
            list.add(item);
        }
        return new Card("Direct reports", list);
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }
}
