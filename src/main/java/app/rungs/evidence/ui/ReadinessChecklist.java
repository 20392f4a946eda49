package app.rungs.evidence.ui;

import app.rungs.evidence.service.Readiness;
import app.rungs.ladder.service.LadderContent.LevelView;
import app.rungs.shared.ui.Badges;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import java.util.function.Function;

/**
 * The readiness rule as a checklist, one row per part with whether it is met and its numbers; and, for a person at a
 * fork without a chosen track, the branches above instead of a guess. Used by home, coverage and the person page.
 */
public final class ReadinessChecklist {

    private ReadinessChecklist() {}

    /** The checklist of a readiness; {@code title} names whose and for which level. */
    public static Component of(String title, Readiness readiness) {
        var heading = new H2(title);
        heading.addClassName("readiness-title");
        var verdict = readiness.ready()
                ? Badges.badge("Ready by the rule", "success")
                : Badges.badge(readiness.headline(), "contrast");
        verdict.setId("readiness-verdict");
        var head = new Div(heading, verdict);
        head.addClassName("readiness-head");
        var list = new Div();
        list.addClassName("readiness-parts");
        list.getElement().setAttribute("role", "list");
        for (var part : readiness.parts()) {
            var icon = (part.met() ? VaadinIcon.CHECK_CIRCLE : VaadinIcon.CIRCLE_THIN).create();
            icon.addClassName(part.met() ? "readiness-met" : "readiness-open");
            icon.getElement().setAttribute("role", "img");
            icon.getElement().setAttribute("aria-label", part.met() ? "Met" : "Not met yet");
            var label = new Span(part.label());
            label.addClassName("readiness-label");
            var numbers = new Span(part.numbers());
            numbers.addClassNames("readiness-numbers", "muted");
            var row = new Div(icon, new Div(label, numbers));
            row.addClassNames("readiness-part", part.met() ? "met" : "open");
            row.setId("readiness-" + part.kind().name().toLowerCase().replace('_', '-'));
            row.getElement().setAttribute("role", "listitem");
            list.add(row);
        }
        var card = new Div(head, list);
        if (readiness.waived() > 0) {
            var waived = new Paragraph(readiness.waived() + " competenc"
                    + (readiness.waived() == 1 ? "y is" : "ies are") + " marked not applicable and left out.");
            waived.addClassNames("muted", "readiness-waived");
            card.add(waived);
        }
        card.addClassNames("rungs-card", "readiness-card");
        card.setId("readiness-checklist");
        return card;
    }

    /**
     * What a person at a fork sees instead of a readiness: that no track is chosen, and the levels above, one per
     * branch, each linking to what it asks.
     */
    public static Component fork(String who, List<LevelView> options, Function<LevelView, String> href) {
        var heading = new H2("Choose a path");
        heading.addClassName("readiness-title");
        var text = new Paragraph(who + " at a fork of the ladder and no track is chosen yet, so Rungs does not guess"
                + " which next level to measure. The branches above:");
        text.addClassName("muted");
        var list = new Div();
        list.addClassName("readiness-options");
        for (var option : options) {
            var link = new Anchor(href.apply(option), option.key() + " · " + option.title());
            link.setId("fork-option-" + option.key());
            list.add(new Div(link));
        }
        var hint = new Paragraph("An admin records the chosen track in the person editor.");
        hint.addClassName("muted");
        var card = new Div(heading, text, list, hint);
        card.addClassNames("rungs-card", "readiness-card", "readiness-fork");
        card.setId("readiness-fork");
        return card;
    }
}
