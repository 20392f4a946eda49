package app.rungs.ladder.ui;

import app.rungs.ladder.domain.VersionStatus;
import app.rungs.ladder.service.LadderContent;
import app.rungs.ladder.service.LadderContent.LevelView;
import app.rungs.ladder.service.LadderContent.Resolved;
import app.rungs.ladder.service.LadderFileService;
import app.rungs.ladder.service.LadderPlacement;
import app.rungs.ladder.service.LadderService;
import app.rungs.ladder.service.LevelComparison;
import app.rungs.ladder.service.LevelComparison.Change;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.ui.Badges;
import app.rungs.shared.ui.Card;
import app.rungs.shared.ui.MarkdownText;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** Two levels side by side: what the higher one asks that is new, raised, unchanged, or no longer asked. */
@Route("ladders/:ladderId(\\d{1,18})/compare")
@PermitAll
@StyleSheet(LadderRenderers.STYLES)
public class CompareLevelsView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final LadderService ladders;
    private final LadderFileService files;
    private LadderContent content;
    Select<LevelView> from;
    Select<LevelView> to;
    Checkbox showUnchanged;
    Grid<LevelComparison.Row> grid;
    Div summary;
    LevelComparison comparison;

    public CompareLevelsView(LadderService ladders, LadderFileService files) {
        this.ladders = ladders;
        this.files = files;
        addClassNames("page", "page-full", "ladder-page", "compare-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        var ladderId = event.getRouteParameters().getLong("ladderId").orElse(-1L);
        var query = event.getLocation().getQueryParameters();
        var version = query.getSingleParameter("version").flatMap(LadderBrowserView::number);
        try {
            content = version.isPresent()
                    ? ladders.content(ladderId, version.get())
                    : ladders.published(ladderId).orElseThrow(() -> new NotFoundException("Not published"));
        } catch (NotFoundException e) {
            add(new Card("Not found", new Paragraph("This ladder or version does not exist or is not published.")));
            return;
        }
        add(new LadderHeader(
                files, content, LadderHeader.Page.COMPARE, content.version().status() == VersionStatus.PUBLISHED));
        if (content.levels().size() < 2) {
            add(new Paragraph("This ladder has fewer than two levels; there is nothing to compare."));
            return;
        }
        var defaults = defaults();
        var a = query.getSingleParameter("from").flatMap(content::level).orElse(defaults[0]);
        var b = query.getSingleParameter("to").flatMap(content::level).orElse(defaults[1]);

        from = levelSelect("From");
        from.setId("compare-from");
        to = levelSelect("To");
        to.setId("compare-to");
        from.setValue(a);
        to.setValue(b);
        var swap = new Button(VaadinIcon.EXCHANGE.create(), e -> {
            var x = from.getValue();
            from.setValue(to.getValue());
            to.setValue(x);
        });
        swap.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        swap.setAriaLabel("Swap levels");
        swap.setTooltipText("Swap levels");
        showUnchanged = new Checkbox("Show unchanged");
        showUnchanged.setId("show-unchanged");
        var pickers = new Div(from, swap, to, showUnchanged);
        pickers.addClassName("compare-pickers");
        summary = new Div();
        summary.addClassName("compare-summary");

        grid = new Grid<>();
        grid.setId("comparison");
        grid.addClassName("comparison-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        showUnchanged.addValueChangeListener(e -> refresh());
        add(pickers, summary, grid);
        refresh();
    }

    /** The viewer's own level and the next one, or the first two levels. */
    private LevelView[] defaults() {
        var mine = ladders.myPlacement()
                .filter(p -> p.ladderId().equals(content.version().ladderId()))
                .map(LadderPlacement.Placement::levelKey)
                .flatMap(content::level);
        if (mine.isPresent()) {
            var next = content.next(mine.get().key());
            if (next.isPresent()) {
                return new LevelView[] {mine.get(), next.get()};
            }
        }
        return new LevelView[] {content.levels().get(0), content.levels().get(1)};
    }

    private Select<LevelView> levelSelect(String label) {
        var select = new Select<LevelView>();
        select.setLabel(label);
        select.setItems(content.levels());
        select.setItemLabelGenerator(l -> l.key() + " · " + l.title());
        select.setWidth("26rem");
        return select;
    }

    private void refresh() {
        if (from.getValue() == null || to.getValue() == null) {
            return;
        }
        comparison =
                LevelComparison.of(content, from.getValue().key(), to.getValue().key());
        summary.removeAll();
        if (from.getValue().equals(to.getValue())) {
            summary.add(new Paragraph("Pick two different levels to see what changes between them."));
            grid.setVisible(false);
            return;
        }
        grid.setVisible(true);
        var lower = comparison.lower();
        var higher = comparison.higher();
        var intro = new Span("From " + lower.key() + " to " + higher.key() + ":");
        intro.addClassName("compare-intro");
        summary.add(intro);
        summary.add(countBadge(Change.NEW, "new"), countBadge(Change.RAISED, "raised"));
        summary.add(countBadge(Change.NO_LONGER, "no longer asked"), countBadge(Change.UNCHANGED, "unchanged"));

        grid.removeAllColumns();
        grid.addColumn(new ComponentRenderer<>(r -> {
                    var name = new Span(r.lower().competency().name());
                    name.addClassName("competency-name");
                    var area = new Span(r.area().name());
                    area.addClassName("competency-area");
                    var box = new Div(area, name);
                    box.addClassName("competency-cell");
                    return box;
                }))
                .setHeader("Competency")
                .setWidth("16rem")
                .setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(r -> changeBadge(r.change())))
                .setHeader("Change")
                .setKey("change")
                .setWidth("10rem")
                .setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(r -> statement(r.lower(), lower)))
                .setHeader(lower.key() + " · " + lower.title())
                .setKey("lower")
                .setFlexGrow(1);
        grid.addColumn(new ComponentRenderer<>(r -> statement(r.higher(), higher)))
                .setHeader(higher.key() + " · " + higher.title())
                .setKey("higher")
                .setFlexGrow(1);
        var rows = comparison.rows().stream()
                .filter(r -> showUnchanged.getValue() || r.change() != Change.UNCHANGED)
                .toList();
        grid.setItems(rows);
    }

    private Component countBadge(Change change, String label) {
        long n = comparison.count(change);
        var badge = Badges.badge(n + " " + label, n == 0 ? "" : variant(change));
        badge.setId("count-" + change.name().toLowerCase());
        return badge;
    }

    static String variant(Change change) {
        return switch (change) {
            case NEW -> "success";
            case RAISED -> "primary";
            case UNCHANGED -> "";
            case NO_LONGER -> "error";
        };
    }

    static Component changeBadge(Change change) {
        return Badges.badge(change.label(), variant(change));
    }

    private static Component statement(Resolved r, LevelView level) {
        var box = new Div();
        box.addClassName("compare-cell");
        if (!r.expected()) {
            box.addClassName("compare-none");
            box.add(new Span(r.expectation() == null ? "Not asked" : "Not expected"));
            return box;
        }
        box.add(new MarkdownText(r.expectation().statement()));
        if (r.inherited()) {
            var origin = new Span("from " + r.definedAt().key());
            origin.addClassName("cell-origin");
            box.add(origin);
        }
        return box;
    }

    /** The comparison on screen (views are proxied by method security, so tests read it through a method). */
    LevelComparison comparison() {
        return comparison;
    }

    @Override
    public String getPageTitle() {
        return content == null
                ? "Compare levels"
                : "Compare levels · " + content.version().ladderName();
    }
}
