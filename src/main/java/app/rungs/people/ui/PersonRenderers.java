package app.rungs.people.ui;

import app.rungs.ladder.domain.SpecializationTrack;
import app.rungs.people.service.LevelCatalog;
import app.rungs.people.service.PeopleRoutes;
import app.rungs.shared.ui.Badges;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

/** How the people screens show a person and a level: links to the person page, level chips, initials. */
final class PersonRenderers {

    private PersonRenderers() {}

    static RouterLink personLink(Long id, String name) {
        var link = new RouterLink(name, PersonView.class, new RouteParameters("id", String.valueOf(id)));
        link.addClassName("person-link");
        return link;
    }

    static String personPath(Long id) {
        return PeopleRoutes.person(id);
    }

    /** The level key as a chip, its title as the tooltip; "No level" as a warning chip. */
    static Component levelBadge(String levelKey, String title) {
        if (levelKey == null) {
            return Badges.badge("No level", "warning");
        }
        var badge = Badges.badge(levelKey, "primary");
        badge.addClassName("level-key");
        if (title != null && !title.equals(levelKey)) {
            badge.getElement().setAttribute("title", title);
        }
        return badge;
    }

    static String levelText(LevelCatalog catalog, Long ladderId, String levelKey) {
        if (levelKey == null) {
            return "No level";
        }
        return catalog.find(ladderId, levelKey)
                .map(l -> l.key() + " · " + l.title())
                .orElse(levelKey);
    }

    static String specialization(SpecializationTrack track) {
        return track == null ? "Generalist" : track.label();
    }

    static String initials(String name) {
        var parts = name.strip().split("\\s+");
        var first = parts[0].isEmpty() ? "" : parts[0].substring(0, 1);
        var last = parts.length > 1 ? parts[parts.length - 1].substring(0, 1) : "";
        return (first + last).toUpperCase();
    }
}
