package app.rungs.ladder.ui;

import app.rungs.ladder.domain.ExpectationKind;
import app.rungs.ladder.domain.SpecializationTrack;
import app.rungs.ladder.domain.VersionStatus;
import app.rungs.ladder.service.LadderContent;
import app.rungs.ladder.service.LadderContent.AreaView;
import app.rungs.ladder.service.LadderContent.CompetencyView;
import app.rungs.ladder.service.LadderContent.LevelView;
import app.rungs.ladder.service.LadderFileService;
import app.rungs.ladder.service.LadderPlacement;
import app.rungs.ladder.service.LadderService;
import app.rungs.ladder.service.TrackMoves;
import app.rungs.security.domain.Role;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.ui.Badges;
import app.rungs.shared.ui.Card;
import app.rungs.shared.ui.MarkdownText;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.Optional;

/**
 * The published matrix of a ladder for everyone, filterable by area and specialization. "ladder" opens the viewer's
 * own ladder (or the first published one); "ladders/:ladderId/browse" any ladder, "?version=N" an older version.
 */
@Route("ladder")
@RouteAlias("ladders/:ladderId(\\d{1,18})/browse")
@Menu(order = 10, icon = "vaadin:level-up", title = "Ladder")
@PermitAll
@StyleSheet(LadderRenderers.STYLES)
public class LadderBrowserView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final LadderService ladders;
    private final LadderFileService files;
    private final TrackMoves trackMoves;
    private String title = "Ladder";
    private Optional<LadderPlacement.Placement> placement = Optional.empty();
    Matrix matrix;
    Select<AreaView> area;
    Select<SpecializationTrack> specialization;
    TextField search;
    Span count;

    public LadderBrowserView(LadderService ladders, LadderFileService files, TrackMoves trackMoves) {
        this.ladders = ladders;
        this.files = files;
        this.trackMoves = trackMoves;
        addClassNames("page", "page-full", "ladder-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        placement = ladders.myPlacement();
        var requested = event.getRouteParameters().getLong("ladderId");
        var version = event.getLocation()
                .getQueryParameters()
                .getSingleParameter("version")
                .flatMap(LadderBrowserView::number);
        Optional<LadderContent> content;
        Long ladderId;
        try {
            if (requested.isPresent()) {
                ladderId = requested.get();
                content = version.isPresent()
                        ? Optional.of(ladders.content(ladderId, version.get()))
                        : ladders.published(ladderId);
            } else {
                // The viewer's own ladder when it is published, else the first published ladder.
                content = placement.flatMap(p -> ladders.published(p.ladderId()));
                if (content.isEmpty()) {
                    var fallback = ladders.defaultLadderId();
                    if (fallback.isEmpty()) {
                        add(emptyState());
                        return;
                    }
                    content = ladders.published(fallback.get());
                }
                ladderId = content.map(c -> c.version().ladderId()).orElse(null);
            }
        } catch (NotFoundException e) {
            content = Optional.empty();
            ladderId = requested.orElse(null);
        }
        if (content.isEmpty()) {
            add(notPublished(ladderId));
            return;
        }
        show(content.get());
    }

    /** Admins learn here when people are on tracks the published version no longer has, and move them. */
    private void strandedBanner(LadderContent content) {
        var stranded = trackMoves.stranded(content.version().ladderId());
        if (stranded.isEmpty()) {
            return;
        }
        var text = new Span(stranded.size() + (stranded.size() == 1 ? " person is" : " people are")
                + " on a track this version no longer has, so their next level cannot be measured.");
        var move = new com.vaadin.flow.component.button.Button(
                "Move people to tracks…",
                e -> new MovePeopleToTracksDialog(
                                trackMoves,
                                content,
                                stranded,
                                () -> UI.getCurrent().getPage().reload())
                        .open());
        move.setId("move-people-to-tracks");
        var banner = new Div(text, move);
        banner.addClassNames("rungs-card", "stranded-banner");
        banner.setId("stranded-banner");
        add(banner);
    }

    static Optional<Integer> number(String s) {
        try {
            return Optional.of(Integer.parseInt(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void show(LadderContent content) {
        title = content.version().ladderName();
        boolean current = content.version().status() == VersionStatus.PUBLISHED;
        add(new LadderHeader(files, content, LadderHeader.Page.MATRIX, current));
        var mine = placement
                .filter(p -> p.ladderId().equals(content.version().ladderId()))
                .map(LadderPlacement.Placement::levelKey)
                .orElse(null);
        add(levelStrip(content, mine, current));
        if (current && CurrentUser.require().has(Role.ADMIN)) {
            strandedBanner(content);
        }

        area = new Select<>();
        area.setPlaceholder("All areas");
        area.setEmptySelectionAllowed(true);
        area.setEmptySelectionCaption("All areas");
        area.setItems(content.areas());
        area.setItemLabelGenerator(a -> a == null ? "All areas" : a.name());
        area.setAriaLabel("Area");
        specialization = new Select<>();
        specialization.setEmptySelectionAllowed(true);
        specialization.setEmptySelectionCaption("All specializations");
        specialization.setItems(SpecializationTrack.values());
        specialization.setItemLabelGenerator(t -> t == null ? "All specializations" : t.label());
        specialization.setAriaLabel("Specialization");
        search = new TextField();
        search.setPlaceholder("Find a competency");
        search.setAriaLabel("Find a competency");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        count = new Span();
        count.addClassNames("muted", "matrix-count");
        var filters = new Div(area, specialization, search, count, legend());
        filters.addClassName("filter-bar");

        matrix = new Matrix(content, (c, l) -> showCell(content, c, l), level -> levelHeader(content, level, mine));
        matrix.setId("ladder-matrix");
        area.addValueChangeListener(e -> applyFilter());
        specialization.addValueChangeListener(e -> applyFilter());
        search.addValueChangeListener(e -> applyFilter());
        applyFilter();
        add(filters, matrix);
    }

    private void applyFilter() {
        matrix.filter(
                area.getValue() == null ? null : area.getValue().key(), specialization.getValue(), search.getValue());
        int n = matrix.visibleCount();
        count.setText(n + (n == 1 ? " competency" : " competencies"));
    }

    static Component legend() {
        var explicit = new Span("Set at this level");
        explicit.addClassNames("legend-item", "legend-explicit");
        var inherited = new Span("Carried up from a lower level");
        inherited.addClassNames("legend-item", "legend-inherited");
        var not = new Span("Not expected");
        not.addClassNames("legend-item", "legend-not-expected");
        var legend = new Div(explicit, inherited, not);
        legend.addClassName("legend");
        return legend;
    }

    private static Component levelStrip(LadderContent content, String mine, boolean current) {
        var strip = new Div();
        strip.addClassName("level-strip");
        for (var tier : content.tiers()) {
            var group = new Div();
            group.addClassName("level-strip-tier");
            var name = new Span(tier.name());
            name.addClassName("level-strip-tier-name");
            group.add(name);
            var chips = new Div();
            chips.addClassName("level-strip-levels");
            for (var level : content.levelsOf(tier.key())) {
                var link = levelLink(content, level.key(), current);
                link.add(new Span(level.key()));
                link.addClassName("level-chip");
                link.getElement().setAttribute("title", level.title());
                if (level.key().equals(mine)) {
                    link.addClassName("mine");
                    var you = new Span("you");
                    you.addClassName("level-chip-you");
                    link.add(you);
                }
                chips.add(link);
            }
            group.add(chips);
            strip.add(group);
        }
        return strip;
    }

    static RouterLink levelLink(LadderContent content, String levelKey, boolean current) {
        var link = new RouterLink(
                LadderLevelView.class,
                new RouteParameters(java.util.Map.of(
                        "ladderId", String.valueOf(content.version().ladderId()), "levelKey", levelKey)));
        if (!current) {
            link.setQueryParameters(com.vaadin.flow.router.QueryParameters.of(
                    "version", String.valueOf(content.version().number())));
        }
        return link;
    }

    private static Component levelHeader(LadderContent content, LevelView level, String mine) {
        boolean current = content.version().status() == VersionStatus.PUBLISHED;
        var link = levelLink(content, level.key(), current);
        var key = new Span(level.key());
        key.addClassName("level-header-key");
        var name = new Span(level.title());
        name.addClassName("level-header-title");
        link.add(key, name);
        link.addClassName("level-header");
        if (level.key().equals(mine)) {
            link.addClassName("mine");
        }
        return link;
    }

    private void showCell(LadderContent content, CompetencyView competency, LevelView level) {
        var resolved = content.resolve(competency.key(), level.key());
        var dialog = new Dialog();
        dialog.setHeaderTitle(competency.name() + " · " + level.key());
        dialog.addClassName("cell-dialog");
        dialog.setWidth("min(40rem, 95vw)");
        if (competency.description() != null) {
            dialog.add(new Paragraph(competency.description()));
        }
        if (resolved.expectation() == null) {
            dialog.add(new Paragraph(level.key() + " asks nothing of this competency."));
        } else if (resolved.expectation().kind() == ExpectationKind.NOT_EXPECTED) {
            dialog.add(new Paragraph("Not expected at " + level.key()
                    + (resolved.inherited() ? " (as at " + resolved.definedAt().key() + ")." : ".")));
        } else {
            var heading = new H3("What " + level.key() + " asks");
            dialog.add(heading, new MarkdownText(resolved.expectation().statement()));
            if (resolved.expectation().examples() != null) {
                var ex = new MarkdownText(resolved.expectation().examples());
                ex.addClassName("examples");
                dialog.add(new H3("Examples"), ex);
            }
            if (resolved.inherited()) {
                dialog.add(Badges.muted(
                        "Carried up unchanged from " + resolved.definedAt().key() + " ("
                                + resolved.definedAt().title() + ")."));
            }
        }
        var open = levelLink(content, level.key(), content.version().status() == VersionStatus.PUBLISHED);
        open.setText("Everything " + level.key() + " asks");
        open.addClassName("dialog-link");
        var close = new Button("Close", e -> dialog.close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        dialog.getFooter().add(open, close);
        dialog.open();
    }

    private Component emptyState() {
        var text = new Paragraph("No ladder has been published yet.");
        var card = new Card("Ladder", text);
        if (CurrentUser.require().has(Role.ADMIN)) {
            card.add(new RouterLink("Create a ladder", LaddersView.class));
        } else {
            text.setText("No ladder has been published yet. Your admin will publish one soon.");
        }
        return card;
    }

    private Component notPublished(Long ladderId) {
        var card = new Card("Not published", new Paragraph("This ladder has no published version to show."));
        if (ladderId != null && CurrentUser.require().has(Role.ADMIN)) {
            card.add(new RouterLink(
                    "Open it in the editor",
                    LadderEditorView.class,
                    new RouteParameters("ladderId", String.valueOf(ladderId))));
        }
        return card;
    }

    // Accessors for tests: views are proxied by method security, so tests call methods rather than read fields.
    Select<AreaView> areaFilter() {
        return area;
    }

    Select<SpecializationTrack> specializationFilter() {
        return specialization;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
