package app.rungs.calibration.ui;

import app.rungs.calibration.domain.Decision;
import app.rungs.calibration.service.Board;
import app.rungs.calibration.service.BoardEntry;
import app.rungs.people.service.PeopleRoutes;
import app.rungs.shared.ui.Card;
import app.rungs.shared.ui.Formats;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.renderer.LitRenderer;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The board's read-only cells (group and engineer names, time in level, proposal, readiness) as Lit templates, and the
 * summary.
 */
final class BoardCells {

    private BoardCells() {}

    /** The "at a glance" numbers of the engineers shown, and each rating's share. */
    static void summary(
            Div summary,
            Board board,
            List<BoardEntry> visible,
            boolean preparing,
            Function<BoardEntry, String> currentRating,
            Predicate<BoardEntry> decidedHere) {
        summary.removeAll();
        long rated =
                visible.stream().filter(e -> currentRating.apply(e) != null).count();
        // Only cases this session decides count; a case submitted after the start waits for a later session.
        long cases = visible.stream().filter(decidedHere).count();
        long outside = visible.stream()
                .filter(e -> !decidedHere.test(e) && board.cases().containsKey(e.personId()))
                .count();
        long promote =
                visible.stream().filter(e -> e.decision() == Decision.PROMOTE).count();
        long notYet =
                visible.stream().filter(e -> e.decision() == Decision.NOT_YET).count();
        summary.add(
                Card.stat("Engineers", visible.size()),
                Card.stat(preparing ? "Proposed" : "Rated", rated + "/" + visible.size()),
                Card.stat("Promotion cases" + (outside > 0 ? " (+" + outside + " outside this session)" : ""), cases),
                Card.stat("Promote / not yet", promote + " / " + notYet));
        var scale = board.session().scale();
        var shares = new Div();
        shares.addClassName("rating-shares");
        for (var r : scale) {
            long n = visible.stream()
                    .filter(e -> r.equals(currentRating.apply(e)))
                    .count();
            var line = new Div(
                    CalibrationChips.rating(scale, r),
                    new Span(rated == 0 ? "0%" : Math.round(100.0 * n / rated) + "%"));
            line.addClassName("rating-share");
            shares.add(line);
        }
        summary.add(shares);
    }

    /**
     * Renders a board cell on engineer rows only (tier and level rows stay empty): a Lit template, so a row costs the
     * browser a few DOM nodes and the server no components at all.
     */
    static LitRenderer<BoardNode> entryCell(String template) {
        return LitRenderer.<BoardNode>of("${item.entry ? html`" + template + "` : ''}")
                .withProperty("entry", BoardNode::isEntry)
                .withProperty("id", n -> n.isEntry() ? n.entry.id() : null);
    }

    /**
     * The name column, with the tree toggle of tier and level rows: an engineer's name leads to their person page
     * when the viewer may open it, as in the people grid.
     */
    static LitRenderer<BoardNode> nameCell(TreeGrid<BoardNode> grid, Predicate<Long> mayOpen) {
        return LitRenderer.<BoardNode>of("<vaadin-grid-tree-toggle @click=${onClick} .leaf=${!model.hasChildren}"
                        + " .expanded=${live(model.expanded)} .level=${model.level}>"
                        + "${item.entry ? html`<div class=\"entry-cell\">${item.href"
                        + " ? html`<a class=\"entry-name person-link\" href=${item.href}>${item.name}</a>`"
                        + " : html`<span class=\"entry-name\">${item.name}</span>`}"
                        + "<span class=\"entry-sub\">${item.sub}</span></div>`"
                        + " : html`<div class=\"group-cell\">${item.levelKey"
                        + " ? html`<span class=\"level-label\" title=${item.title}><span class=\"level-key\">"
                        + "${item.levelKey}</span><span class=\"level-title\">${item.name}</span></span>`"
                        + " : html`<span class=\"tier-label\" title=${item.title}>${item.name}</span>`}"
                        + "<span class=\"group-count\">${item.count}</span></div>`}"
                        + "</vaadin-grid-tree-toggle>")
                .withProperty("entry", BoardNode::isEntry)
                .withProperty(
                        "name",
                        n -> n.isEntry() ? n.entry.personName() : n.level == null ? n.tierName : n.level.levelTitle())
                .withProperty(
                        "href",
                        n -> n.isEntry() && mayOpen.test(n.entry.personId())
                                ? PeopleRoutes.person(n.entry.personId())
                                : null)
                .withProperty(
                        "sub",
                        n -> n.isEntry()
                                ? (n.entry.teamName() == null ? "" : n.entry.teamName() + " · ")
                                        + (n.entry.managerName() == null ? "no manager" : n.entry.managerName())
                                : null)
                .withProperty("levelKey", n -> n.isEntry() || n.level == null ? null : n.level.levelKey())
                .withProperty(
                        "title",
                        n -> n.isEntry()
                                ? null
                                : n.level == null ? n.tierName : n.level.levelKey() + " · " + n.level.levelTitle())
                .withProperty("count", n -> n.isEntry() ? null : n.count)
                .withFunction("onClick", n -> {
                    if (n.isEntry()) {
                        return;
                    }
                    if (grid.isExpanded(n)) {
                        grid.collapse(n);
                    } else {
                        grid.expand(n);
                    }
                });
    }

    static LitRenderer<BoardNode> timeInLevel() {
        return entryCell("<span class=\"time-in-level\" title=${item.since}>${item.inLevel}</span>")
                .withProperty("inLevel", n -> n.isEntry() ? Formats.since(n.entry.levelSince(), Formats.today()) : null)
                .withProperty(
                        "since",
                        n -> n.isEntry()
                                ? "At " + n.entry.levelKey() + " since " + Formats.date(n.entry.levelSince())
                                : null);
    }

    static LitRenderer<BoardNode> proposal(Supplier<Board> board) {
        return entryCell("<div class=\"proposal-cell\">" + chip("proposed", "")
                        + "${item.rationale ? html`<span class=\"rationale\" title=${item.rationale}>"
                        + "${item.rationale}</span>` : ''}</div>")
                .withProperty("proposed", n -> n.isEntry() ? n.entry.proposedRating() : null)
                .withProperty("proposedColor", n -> n.isEntry() ? color(board.get(), n.entry.proposedRating()) : null)
                .withProperty("rationale", n -> n.isEntry() ? n.entry.proposalRationale() : null);
    }

    static LitRenderer<BoardNode> readiness(Supplier<Board> board) {
        return entryCell("${item.percent == null ? html`<span class=\"muted\">—</span>`"
                        + " : html`<div class=\"readiness-cell ${item.ready ? 'ready' : ''}\" title=${item.checklist}>"
                        + "<span class=\"readiness-text\">${item.ready ? '✓ ' : ''}${item.percent}% ${item.target}</span>"
                        + "<vaadin-progress-bar class=\"readiness-bar\" .min=${0} .max=${100} .value=${item.percent}"
                        + " aria-label=\"Readiness for ${item.target}\"></vaadin-progress-bar></div>`}")
                .withProperty("percent", n -> readiness(board, n, Board.Readiness::percent))
                .withProperty("ready", n -> Boolean.TRUE.equals(readiness(board, n, Board.Readiness::ready)))
                .withProperty("target", n -> readiness(board, n, Board.Readiness::levelKey))
                .withProperty("checklist", n -> readiness(board, n, Board.Readiness::checklist));
    }

    private static <V> V readiness(Supplier<Board> board, BoardNode n, Function<Board.Readiness, V> part) {
        var r = n.isEntry() ? board.get().readiness().get(n.entry.personId()) : null;
        return r == null ? null : part.apply(r);
    }

    /**
     * A rating chip in the chart's color, as {@link CalibrationChips#rating} draws it, from the properties
     * {@code <name>} and {@code <name>Color}.
     */
    static String chip(String property, String extraClass) {
        return "<span class=\"rating-chip " + extraClass + " ${item." + property + " ? '' : 'empty'}\""
                + " style=${item." + property + "Color ? '--rating-color: ' + item." + property + "Color : ''}>"
                + "${item." + property + " ?? '—'}</span>";
    }

    /** The chart color of a rating of the board's scale, or null for none. */
    static String color(Board board, String rating) {
        return rating == null ? null : DistributionChart.color(board.session().scale(), rating);
    }
}
