package app.rungs.ladder.ui;

import app.rungs.ladder.domain.ExpectationKind;
import app.rungs.ladder.service.LadderContent;
import app.rungs.ladder.service.PublicLadders;
import app.rungs.shared.ui.Formats;
import app.rungs.shared.ui.MarkdownText;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * The public framework site: the published version of a ladder an admin made public, for anyone, without signing in.
 * Levels, tracks, competencies and expectations only; nothing about people (not even who published it). A ladder that
 * is not public answers "not found", like an address that never existed.
 */
@Route(value = "framework/:slug", autoLayout = false)
@AnonymousAllowed
@StyleSheet("styles/framework.css")
public class PublicFrameworkView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final PublicLadders publicLadders;
    private String title = "Career framework";

    public PublicFrameworkView(PublicLadders publicLadders) {
        this.publicLadders = publicLadders;
        addClassName("public-framework");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var slug = event.getRouteParameters().get("slug").orElse("");
        var content = publicLadders.framework(slug);
        if (content.isEmpty()) {
            event.rerouteToError(NotFoundException.class, "There is no public framework at this address");
            return;
        }
        var c = content.get();
        title = c.version().ladderName() + " · Career framework";
        // Visitors are not signed in, so there is no saved theme: follow their system's light or dark setting.
        UI.getCurrent().getPage().setColorScheme(ColorScheme.Value.SYSTEM);
        removeAll();
        render(c, slug);
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void render(LadderContent c, String slug) {
        var v = c.version();
        var header = new Div();
        header.addClassName("framework-header");
        header.add(new H1(v.ladderName()));
        if (v.ladderDescription() != null) {
            header.add(new Paragraph(v.ladderDescription()));
        }
        var meta = new Paragraph("Version " + v.number()
                + (v.publishedAt() == null ? "" : ", published " + Formats.date(v.publishedAt())) + " · ");
        meta.add(new Anchor("/api/v1/public/ladders/" + slug, "JSON"));
        meta.addClassName("framework-meta");
        header.add(meta);
        add(header);

        var rule = c.rule();
        add(section(
                "Readiness for the next level",
                new Paragraph((rule.currentCore() ? "Every core expectation of the current level is met, and " : "")
                        + rule.targetPercent() + "% of the next level's "
                        + (rule.weighted() ? "competency weight" : "expectations") + " are backed by evidence.")));

        if (!c.tracks().isEmpty()) {
            var tracks = new Div();
            for (var t : c.tracks()) {
                var item = new Div(new H3(t.name()));
                item.addClassName("framework-item");
                if (t.forksFromLevelKey() != null) {
                    item.add(new Span("Branches from " + levelTitle(c, t.forksFromLevelKey())));
                }
                if (t.description() != null) {
                    item.add(new Paragraph(t.description()));
                }
                tracks.add(item);
            }
            add(section("Tracks", tracks));
        }

        var levels = new Div();
        for (var tier : c.tiers()) {
            var tierBox = new Div(new H3(tier.name()));
            tierBox.addClassName("framework-tier");
            for (var l : c.levelsOf(tier.key())) {
                var item = new Div(new Span(l.key() + " · " + l.title()));
                item.addClassName("framework-item");
                item.getChildren().findFirst().ifPresent(s -> s.addClassName("framework-level-title"));
                if (l.trackKey() != null) {
                    c.track(l.trackKey()).ifPresent(t -> item.add(new Span(" (" + t.name() + ")")));
                }
                addText(item, "Scope", l.scope());
                addText(item, "Impact", l.impact());
                addText(item, "Typical experience", l.typicalExperience());
                tierBox.add(item);
            }
            levels.add(tierBox);
        }
        add(section("Levels", levels));

        var competencies = new Div();
        for (var area : c.areas()) {
            var areaBox = new Div(new H3(area.name()));
            areaBox.addClassName("framework-area");
            for (var comp : c.competenciesOf(area.key())) {
                var item = new Div(new Span(comp.name()));
                item.addClassName("framework-item");
                item.getChildren().findFirst().ifPresent(s -> s.addClassName("framework-competency-title"));
                if (comp.description() != null) {
                    item.add(new Paragraph(comp.description()));
                }
                var list = new Div();
                list.addClassName("framework-expectations");
                for (var e : c.expectations()) {
                    if (e.competencyKey().equals(comp.key()) && e.kind() == ExpectationKind.EXPECTED) {
                        list.add(expectation(c, e));
                    }
                }
                item.add(list);
                areaBox.add(item);
            }
            competencies.add(areaBox);
        }
        add(section("Competencies and expectations", competencies));
    }

    private static Component expectation(LadderContent c, LadderContent.ExpectationView e) {
        var row = new Div();
        row.addClassName("framework-expectation");
        var level = new Span(levelTitle(c, e.levelKey()));
        level.addClassName("framework-expectation-level");
        row.add(level, new MarkdownText(e.statement()));
        return row;
    }

    private static String levelTitle(LadderContent c, String key) {
        return c.level(key).map(l -> l.key() + " " + l.title()).orElse(key);
    }

    private static void addText(Div box, String label, String text) {
        if (text != null && !text.isBlank()) {
            var p = new Paragraph(label + ": " + text);
            p.addClassName("framework-text");
            box.add(p);
        }
    }

    private static Component section(String heading, Component body) {
        var section = new Div(new H2(heading), body);
        section.addClassName("framework-section");
        return section;
    }
}
