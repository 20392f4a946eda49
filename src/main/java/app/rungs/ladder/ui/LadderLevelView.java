package app.rungs.ladder.ui;

import app.rungs.ladder.domain.VersionStatus;
import app.rungs.ladder.service.LadderContent;
import app.rungs.ladder.service.LadderContent.LevelView;
import app.rungs.ladder.service.LadderContent.Resolved;
import app.rungs.ladder.service.LadderFileService;
import app.rungs.ladder.service.LadderPayBandService;
import app.rungs.ladder.service.LadderPlacement;
import app.rungs.ladder.service.LadderService;
import app.rungs.security.domain.Role;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.ui.Badges;
import app.rungs.shared.ui.Card;
import app.rungs.shared.ui.MarkdownText;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Everything one level asks, inherited expectations included, grouped by area. Signed-in engineers get a link per
 * expectation to log evidence for it.
 */
@Route("ladders/:ladderId(\\d{1,18})/levels/:levelKey")
@PermitAll
@StyleSheet(LadderRenderers.STYLES)
public class LadderLevelView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final LadderService ladders;
    private final LadderFileService files;
    private final LadderPayBandService payBands;
    private String title = "Level";
    private LadderContent content;
    private LevelView level;
    private Div list;
    Checkbox onlyNew;

    public LadderLevelView(LadderService ladders, LadderFileService files, LadderPayBandService payBands) {
        this.payBands = payBands;
        this.ladders = ladders;
        this.files = files;
        addClassNames("page", "ladder-page", "level-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        var ladderId = event.getRouteParameters().getLong("ladderId").orElse(-1L);
        var levelKey = event.getRouteParameters().get("levelKey").orElse("");
        var version = event.getLocation()
                .getQueryParameters()
                .getSingleParameter("version")
                .flatMap(LadderBrowserView::number);
        try {
            content = version.isPresent()
                    ? ladders.content(ladderId, version.get())
                    : ladders.published(ladderId).orElseThrow(() -> new NotFoundException("Not published"));
        } catch (NotFoundException e) {
            add(new Card("Not found", new Paragraph("This ladder or version does not exist or is not published.")));
            return;
        }
        var found = content.level(levelKey);
        if (found.isEmpty()) {
            add(new Card(
                    "Level not found",
                    new Paragraph(content.version().ladderName() + " version "
                            + content.version().number() + " has no level " + levelKey + ".")));
            return;
        }
        level = found.get();
        title = level.key() + " · " + level.title();
        show();
    }

    private boolean current() {
        return content.version().status() == VersionStatus.PUBLISHED;
    }

    private void show() {
        add(new LadderHeader(files, content, LadderHeader.Page.LEVEL, current()));
        var mine = ladders.myPlacement()
                .filter(p -> p.ladderId().equals(content.version().ladderId()))
                .map(LadderPlacement.Placement::levelKey)
                .orElse(null);
        add(hero(mine));
        var pay = PayBandSection.forReader(payBands, content.version().id(), level.key());
        if (pay != null) {
            add(pay);
        }

        var asks = content.requirementsOf(level.key());
        long own = asks.stream().filter(r -> !r.inherited()).count();
        var summary = new Paragraph(level.key() + " asks " + asks.size() + (asks.size() == 1 ? " thing: " : " things: ")
                + own + " set at this level, " + (asks.size() - own) + " carried up from lower levels.");
        summary.addClassName("level-summary");
        onlyNew = new Checkbox("Only what is set at " + level.key());
        onlyNew.setId("only-new");
        onlyNew.addValueChangeListener(e -> fill(asks));
        var bar = new Div(summary, onlyNew);
        bar.addClassName("level-summary-bar");
        list = new Div();
        list.addClassName("asks-list");
        add(bar, list);
        fill(asks);
    }

    private Component hero(String mine) {
        var badge = new Div(new Span(level.key()));
        badge.addClassName("level-badge-large");
        var name = new H2(level.title());
        name.addClassName("level-title");
        var tier =
                content.tier(level.tierKey()).map(LadderContent.TierView::name).orElse("");
        var meta = new Paragraph(
                tier + (level.typicalExperience() == null ? "" : " · typically " + level.typicalExperience()));
        meta.addClassName("muted");
        var head = new Div(name, meta);
        if (level.key().equals(mine)) {
            head.add(Badges.badge("Your level", "primary"));
        }
        var top = new Div(badge, head, navigation());
        top.addClassName("level-hero-top");
        var hero = new Div(top);
        hero.addClassName("level-hero");
        var facts = new Div();
        facts.addClassName("level-facts");
        if (level.scope() != null) {
            facts.add(fact("Scope", level.scope()));
        }
        if (level.impact() != null) {
            facts.add(fact("Impact", level.impact()));
        }
        if (facts.getComponentCount() > 0) {
            hero.add(facts);
        }
        return hero;
    }

    private static Component fact(String label, String text) {
        var caption = new Span(label);
        caption.addClassName("fact-label");
        var box = new Div(caption, new Paragraph(text));
        box.addClassName("fact");
        return box;
    }

    private Component navigation() {
        var nav = new Div();
        nav.addClassName("level-nav");
        int i = content.levels().indexOf(level);
        if (i > 0) {
            var prev = content.levels().get(i - 1);
            var link = LadderBrowserView.levelLink(content, prev.key(), current());
            link.add(VaadinIcon.ARROW_LEFT.create(), new Span(prev.key()));
            link.addClassName("level-nav-link");
            nav.add(link);
        }
        if (i + 1 < content.levels().size()) {
            var next = content.levels().get(i + 1);
            var link = LadderBrowserView.levelLink(content, next.key(), current());
            link.add(new Span(next.key()), VaadinIcon.ARROW_RIGHT.create());
            link.addClassName("level-nav-link");
            nav.add(link);
        }
        var other = i + 1 < content.levels().size()
                ? content.levels().get(i + 1)
                : i > 0 ? content.levels().get(i - 1) : null;
        if (other != null) {
            var compare = new RouterLink(
                    "Compare with " + other.key(),
                    CompareLevelsView.class,
                    new RouteParameters(
                            "ladderId", String.valueOf(content.version().ladderId())));
            var query = new java.util.LinkedHashMap<String, String>();
            query.put("from", i + 1 < content.levels().size() ? level.key() : other.key());
            query.put("to", i + 1 < content.levels().size() ? other.key() : level.key());
            if (!current()) {
                query.put("version", String.valueOf(content.version().number()));
            }
            compare.setQueryParameters(QueryParameters.simple(query));
            compare.addClassName("level-nav-link");
            nav.add(compare);
        }
        return nav;
    }

    private void fill(List<Resolved> asks) {
        list.removeAll();
        boolean engineer = CurrentUser.require().has(Role.ENGINEER) && current();
        for (var area : content.areas()) {
            var items = asks.stream()
                    .filter(r -> r.competency().areaKey().equals(area.key()))
                    .filter(r -> !onlyNew.getValue() || !r.inherited())
                    .toList();
            if (items.isEmpty()) {
                continue;
            }
            var heading = new H3(area.name());
            heading.addClassName("asks-area");
            var group = new Div(heading);
            group.addClassName("asks-group");
            items.forEach(r -> group.add(ask(r, engineer)));
            list.add(group);
        }
        if (list.getComponentCount() == 0) {
            list.add(new Paragraph(
                    onlyNew.getValue()
                            ? level.key() + " sets nothing of its own; everything is carried up from lower levels."
                            : level.key() + " asks nothing yet."));
        }
    }

    private Component ask(Resolved r, boolean engineer) {
        var name = new Span(r.competency().name());
        name.addClassName("ask-title");
        var head = new Div(name);
        head.addClassName("ask-head");
        if (r.inherited()) {
            head.add(Badges.badge("from " + r.definedAt().key(), "inherited"));
        } else {
            head.add(Badges.badge("Set at " + level.key(), "primary"));
        }
        if (!r.competency().specializations().isEmpty()) {
            head.add(LadderRenderers.specializations(r.competency().specializations()));
        }
        var item = new Div(head, new MarkdownText(r.expectation().statement()));
        item.addClassName("ask");
        item.setId("ask-" + r.competency().key());
        if (r.inherited()) {
            item.addClassName("ask-inherited");
        }
        if (r.expectation().examples() != null) {
            var ex = new MarkdownText("Examples: " + r.expectation().examples());
            ex.addClassName("examples");
            item.add(ex);
        }
        if (engineer) {
            var evidence = new Anchor(evidenceLink(r.competency().key(), level.key()), "Add evidence for this");
            evidence.addClassName("evidence-link");
            evidence.setId("evidence-" + r.competency().key());
            evidence.addComponentAsFirst(VaadinIcon.PLUS_CIRCLE_O.create());
            item.add(evidence);
        }
        return item;
    }

    /** The evidence form of the evidence feature, prefilled with this expectation. */
    static String evidenceLink(String competencyKey, String levelKey) {
        return "my-evidence?new=1&competency=" + URLEncoder.encode(competencyKey, StandardCharsets.UTF_8) + "&level="
                + URLEncoder.encode(levelKey, StandardCharsets.UTF_8);
    }

    Optional<LevelView> level() {
        return Optional.ofNullable(level);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
