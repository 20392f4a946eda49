package app.rungs.home.ui;

import app.rungs.audit.service.AuditFilter;
import app.rungs.audit.service.AuditService;
import app.rungs.evidence.service.Coverage;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.evidence.ui.CoverageTexts;
import app.rungs.evidence.ui.CoverageView;
import app.rungs.evidence.ui.ReadinessChecklist;
import app.rungs.ladder.service.LadderContent;
import app.rungs.ladder.service.LadderService;
import app.rungs.ladder.ui.LadderLevelView;
import app.rungs.people.service.LineQuery;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonCard;
import app.rungs.people.service.PersonDirectory;
import app.rungs.people.ui.PersonView;
import app.rungs.security.domain.Role;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import app.rungs.shared.ui.Card;
import app.rungs.shared.ui.Formats;
import app.rungs.shared.ui.MarkdownText;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** The landing page, different per role: engineers see their level, managers their people, admins the org. */
@Route("")
@PageTitle("Home")
@Menu(order = 0, icon = "vaadin:home", title = "Home")
@PermitAll
public class HomeView extends Div {

    private final PeopleService people;
    private final PersonDirectory directory;
    private final LadderService ladders;
    private final AuditService audit;
    private final EvidenceService evidence;
    private final Map<Long, LadderContent> ladderCache = new HashMap<>();

    public HomeView(
            PeopleService people,
            PersonDirectory directory,
            LadderService ladders,
            AuditService audit,
            EvidenceService evidence) {
        this.evidence = evidence;
        this.people = people;
        this.directory = directory;
        this.ladders = ladders;
        this.audit = audit;
        addClassNames("page", "home");
        var user = CurrentUser.require();
        var greeting = new H1("Welcome, " + user.displayName().split(" ")[0]);
        greeting.addClassName("page-title");
        add(greeting);
        if (user.has(Role.ADMIN)) {
            add(adminSection());
        }
        if (user.has(Role.MANAGER)) {
            add(managerSection());
        }
        if (user.personId() != null) {
            // Only the directory fields (ladder, level, since) are shown: no need for the person page's details.
            directory.card(user.personId()).ifPresent(me -> add(engineerSection(me)));
        }
        if (!user.has(Role.ADMIN) && user.personId() == null) {
            add(new Card(
                    "No profile yet",
                    new Paragraph("Your account is not linked to a person record. Ask an admin to link it.")));
        }
    }

    private Component adminSection() {
        var counts = people.orgCounts();
        var stats = new Div(
                Card.stat("active people", counts.activePeople()),
                Card.stat("managers", counts.managers()),
                Card.stat("teams", counts.teams()),
                Card.stat("ladders in use", counts.ladders()),
                Card.stat("without a level", counts.withoutLevel()));
        stats.addClassName("stats");

        var recent = new Grid<app.rungs.audit.service.AuditEntry>();
        recent.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        recent.addColumn(e -> Formats.dateTime(e.occurredAt()))
                .setHeader("When")
                .setAutoWidth(true)
                .setFlexGrow(0);
        recent.addColumn(e -> e.actor()).setHeader("Who").setAutoWidth(true).setFlexGrow(0);
        recent.addColumn(e -> e.summary()).setHeader("What").setFlexGrow(1).setTooltipGenerator(e -> e.summary());
        recent.setItems(
                audit.find(AuditFilter.none(), PageRequest.of(0, 8, Sort.by(Sort.Direction.DESC, "occurredAt", "id"))));
        recent.setAllRowsVisible(true);
        return new Div(new Card("Organization", stats), new Card("Recent activity", recent));
    }

    private Component managerSection() {
        var size = people.myLineSize();
        var grid = new Grid<PersonCard>();
        grid.setId("home-line-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(new com.vaadin.flow.data.renderer.ComponentRenderer<>(p -> new RouterLink(
                        p.fullName(), PersonView.class, new RouteParameters("id", String.valueOf(p.id())))))
                .setHeader("Name")
                .setAutoWidth(true);
        grid.addColumn(PersonCard::jobTitle).setHeader("Title").setAutoWidth(true);
        grid.addColumn(PersonCard::teamName).setHeader("Team").setAutoWidth(true);
        grid.addColumn(p -> levelLabel(p.ladderId(), p.levelKey()))
                .setHeader("Level")
                .setAutoWidth(true);
        grid.addColumn(p -> Formats.since(p.levelSince(), LocalDate.now()))
                .setHeader("Time in level")
                .setAutoWidth(true);
        grid.addColumn(PersonCard::managerName).setHeader("Manager").setAutoWidth(true);
        // A page of ids from the line (by name, in SQL), then the page's cards in one statement: a director's line of
        // tens of thousands is never held in the session.
        grid.setItems(
                query ->
                        directory
                                .cards(people.myLinePage(LineQuery.everyone(), query.getOffset(), query.getLimit()))
                                .values()
                                .stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, size.total()));
        grid.setAllRowsVisible(size.total() <= 15);
        grid.setHeight(size.total() <= 15 ? null : "32rem");
        var summary = new Paragraph(Formats.number(size.total()) + " people in your reporting line, "
                + Formats.number(size.direct()) + " reporting to you directly.");
        summary.addClassName("muted");
        return new Card("Your people", summary, grid);
    }

    private Component engineerSection(PersonCard me) {
        if (me.ladderId() == null) {
            return new Card("Your level", new Paragraph("You have not been placed on a ladder yet."));
        }
        var content = ladder(me.ladderId());
        if (content == null) {
            return new Card("Your level", new Paragraph("Your ladder has no published version."));
        }
        var level = content.level(me.levelKey()).orElse(null);
        var current = new Div();
        current.addClassName("level-badge-large");
        current.add(new Span(me.levelKey()));
        var title = new H3(level == null ? me.levelKey() : level.title());
        var tier = content.tier(level == null ? "" : level.tierKey())
                .map(LadderContent.TierView::name)
                .orElse("");
        var meta = new Paragraph(content.version().ladderName() + " · " + tier + " · "
                + Formats.timeInLevel(me.levelSince(), LocalDate.now()));
        meta.addClassName("muted");
        var scope = new Paragraph(level == null || level.scope() == null ? "" : level.scope());
        var currentCard = new Card("Your level", new Div(current, new Div(title, meta, scope)));
        currentCard.addClassName("level-card");

        var section = new Div(currentCard, nextLevelCard(me, content));
        section.addClassName("home-grid");
        return section;
    }

    /**
     * What the next level on my path asks of me (my track and specialization, approved waivers left out), with the
     * readiness checklist; at a fork without a chosen track, the branches instead of a guess.
     */
    private Component nextLevelCard(PersonCard me, LadderContent content) {
        Coverage coverage;
        try {
            coverage = evidence.coverage(null, null);
        } catch (NotFoundException | ValidationException e) {
            return new Card("What your next level asks", new Paragraph(Toasts.message(e)));
        }
        if (coverage.atFork()) {
            return ReadinessChecklist.fork("You are", coverage.options(), o -> "coverage?level=" + o.key());
        }
        var nextLevel = coverage.target();
        if (nextLevel.key().equals(me.levelKey())) {
            return new Card(
                    "What your next level asks",
                    new Paragraph("You are at the top of your path on "
                            + content.version().ladderName() + "."));
        }
        var asks = coverage.counted();
        var newOnes = asks.stream().filter(l -> !l.inherited()).toList();
        var list = new UnorderedList();
        list.addClassName("asks");
        list.setId("next-level-asks");
        // Home shows a taste (at most six); the link below leads to everything the level asks.
        newOnes.stream().limit(6).forEach(l -> {
            var name = new Span(l.competencyName());
            name.addClassName("ask-name");
            var statement = new MarkdownText(l.statement());
            statement.addClassName("ask-statement");
            var item = new ListItem(name, statement);
            item.getElement().setAttribute("data-competency", l.competencyKey());
            list.add(item);
        });
        var intro = new Paragraph(nextLevel.key() + " · " + nextLevel.title() + " asks " + asks.size()
                + " things of your path (" + CoverageTexts.path(coverage) + "), " + newOnes.size()
                + " of them new or raised from your level:");
        intro.setId("next-level-intro");
        var all = new RouterLink(
                "See everything " + nextLevel.key() + " asks",
                LadderLevelView.class,
                new RouteParameters(Map.of("ladderId", String.valueOf(me.ladderId()), "levelKey", nextLevel.key())));
        all.addClassName("next-level-link");
        all.setId("next-level-link");
        var coverageLink = new RouterLink("Your coverage of " + nextLevel.key(), CoverageView.class);
        coverageLink.setId("home-coverage-link");
        var card = new Card(
                "What your next level asks",
                intro,
                list,
                ReadinessChecklist.of("Readiness for " + nextLevel.key(), coverage.readiness()),
                new Paragraph(all, new Span(" · "), coverageLink));
        card.setId("next-level-card");
        return card;
    }

    private String levelLabel(Long ladderId, String levelKey) {
        if (ladderId == null) {
            return "—";
        }
        var content = ladder(ladderId);
        return content == null
                ? levelKey
                : content.level(levelKey).map(l -> l.key() + " · " + l.title()).orElse(levelKey);
    }

    private LadderContent ladder(Long ladderId) {
        return ladderCache.computeIfAbsent(ladderId, id -> ladders.published(id).orElse(null));
    }
}
