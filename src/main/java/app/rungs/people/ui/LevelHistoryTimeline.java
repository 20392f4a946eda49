package app.rungs.people.ui;

import app.rungs.people.service.LevelCatalog;
import app.rungs.people.service.LevelHistoryEntry;
import app.rungs.people.service.PersonDetails;
import app.rungs.shared.ui.Badges;
import app.rungs.shared.ui.Card;
import app.rungs.shared.ui.Formats;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

/** The person page's level history: a timeline, scheduled changes first, the current level marked. */
final class LevelHistoryTimeline {

    private LevelHistoryTimeline() {}

    static Component of(PersonDetails person, LevelCatalog catalog) {
        if (person.history().isEmpty()) {
            return new Card("Level history", new Paragraph("No level has been assigned yet."));
        }
        var timeline = new UnorderedList();
        timeline.addClassName("timeline");
        boolean first = true;
        for (LevelHistoryEntry h : person.history()) {
            var item = new ListItem();
            item.addClassName("timeline-entry");
            boolean current = !h.scheduled() && first;
            if (current) {
                item.addClassName("current");
            }
            if (h.scheduled()) {
                item.addClassName("scheduled");
            }
            var date = new Span(Formats.date(h.effectiveDate())
                    + (current ? " · current" : h.scheduled() ? " · scheduled, not in effect yet" : ""));
            date.addClassName("timeline-date");
            var level = catalog.find(h.ladderId(), h.levelKey());
            var levelName = new Span(level.map(LevelCatalog.LevelInfo::title).orElse(h.levelKey()));
            levelName.addClassName("level-name");
            var reason = Badges.badge(
                    h.reason().label(),
                    switch (h.reason()) {
                        case PROMOTION -> "success";
                        case CORRECTION -> "warning";
                        default -> "primary";
                    });
            var line = new Div(PersonRenderers.levelBadge(h.levelKey(), null), levelName, reason);
            line.addClassName("timeline-level");
            var meta = new Span("Decided by " + h.decidedBy()
                    + (h.promotionCaseId() == null ? "" : " · promotion case #" + h.promotionCaseId()));
            meta.addClassName("timeline-meta");
            item.add(date, line, meta);
            if (h.note() != null) {
                var note = new Paragraph(h.note());
                note.addClassName("timeline-note");
                item.add(note);
            }
            timeline.add(item);
            first = first && h.scheduled();
        }
        return new Card("Level history", timeline);
    }
}
