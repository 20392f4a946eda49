package app.rungs.calibration.ui;

import app.rungs.calibration.domain.Decision;
import app.rungs.calibration.domain.SessionAction;
import app.rungs.calibration.domain.SessionStatus;
import app.rungs.calibration.service.Board;
import app.rungs.calibration.service.BoardEntry;
import app.rungs.calibration.service.EntryEdit;
import app.rungs.promotion.domain.CaseStatus;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.renderer.LitRenderer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The board's columns and its editable cells: the final rating and promotion decision selects (saved inline with the
 * version the row was rendered with), and the compare and open tools. Read-only cells are in {@link BoardCells}.
 *
 * <p>Every cell is a Lit template filled from the row's properties, with the selects' choices as calls back to the
 * server: no component per row, so an open board costs the server the rows' keys, not a component tree per cell
 * (docs/decisions/0027-session-memory.md).
 */
final class BoardColumns {

    /** Saves an inline change of an entry as it was rendered. */
    interface Saver {
        void save(BoardEntry rendered, Function<BoardEntry, EntryEdit> edit);
    }

    private final Supplier<Board> board;
    private final Saver saver;
    private final Predicate<Long> compared;
    private final BiPredicate<Long, Boolean> toggleCompare;
    private final Consumer<Long> openEntry;
    private final Predicate<Long> mayOpenPerson;
    private TreeGrid<BoardNode> grid;

    BoardColumns(
            Supplier<Board> board,
            Saver saver,
            Predicate<Long> compared,
            BiPredicate<Long, Boolean> toggleCompare,
            Consumer<Long> openEntry,
            Predicate<Long> mayOpenPerson) {
        this.board = board;
        this.saver = saver;
        this.compared = compared;
        this.toggleCompare = toggleCompare;
        this.openEntry = openEntry;
        this.mayOpenPerson = mayOpenPerson;
    }

    void configure(TreeGrid<BoardNode> grid) {
        this.grid = grid;
        grid.setId("board-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_NO_BORDER);
        grid.addClassName("board-grid");
        grid.addColumn(BoardCells.nameCell(grid, mayOpenPerson))
                .setHeader("Engineer")
                .setFlexGrow(3)
                .setWidth("14rem");
        column(grid, BoardCells.timeInLevel(), "In level", "6rem", 0);
        column(grid, LastCycleCell.renderer(board), "Last cycle", "9rem", 0);
        column(grid, BoardCells.proposal(board), "Proposal", "9rem", 2);
        column(grid, finalRatingRenderer(), "Final rating", "11.5rem", 0);
        column(grid, promotionRenderer(), "Promotion", "10.5rem", 0);
        column(grid, BoardCells.readiness(board), "Readiness", "7rem", 0);
        column(grid, toolsRenderer(), "", "5rem", 0);
        grid.setPartNameGenerator(n -> n.isEntry() ? null : n.level == null ? "tier-row" : "level-row");
        grid.setSelectionMode(TreeGrid.SelectionMode.NONE);
    }

    private static Grid.Column<BoardNode> column(
            TreeGrid<BoardNode> grid, LitRenderer<BoardNode> cell, String header, String width, int flex) {
        return grid.addColumn(cell).setHeader(header).setWidth(width).setFlexGrow(flex);
    }

    private boolean preparing() {
        return board.get().session().status() == SessionStatus.PREPARING;
    }

    private boolean mayRate() {
        return board.get().session().may(SessionAction.RATE);
    }

    /**
     * A {@code vaadin-select} of a cell: its choices from the property {@code <name>Items}, its value from
     * {@code <name>}, and the user's pick sent to the server function {@code <name>Pick}. The select is a web
     * component of the cell, not a server component: an empty value is "none".
     */
    static String select(String id, String name, String className, String label, String placeholder, String extra) {
        return "<vaadin-select id=\"" + id + "-${item.id}\" class=\"" + className + "\" accessible-name=\"" + label
                + "\" placeholder=\"" + placeholder + "\" .items=${item." + name + "Items}"
                + " .value=${live(item." + name + " ?? '')}" + extra
                + " @change=${e => " + name + "Pick(e.target.value)}></vaadin-select>";
    }

    /** The choices of a select: "none" first (value ""), then the values with their labels. */
    static List<Choice> items(String none, Map<String, String> labels) {
        var items = new ArrayList<Choice>();
        items.add(new Choice(none, ""));
        labels.forEach((value, label) -> items.add(new Choice(label, value)));
        return items;
    }

    /**
     * One choice of a cell's select. A bean with getters, because Flow serializes renderer properties by their getters:
     * a {@code Map} would reach the browser as {@code {"empty": false}} and the select would show blank items.
     */
    public static final class Choice {
        private final String label;
        private final String value;

        Choice(String label, String value) {
            this.label = label;
            this.value = value;
        }

        public String getLabel() {
            return label;
        }

        public String getValue() {
            return value;
        }
    }

    /** The value a select sent, null for "none". */
    static String picked(tools.jackson.databind.node.ArrayNode args) {
        var value = args.isEmpty() || args.get(0).isNull() ? "" : args.get(0).asString();
        return value.isEmpty() ? null : value;
    }

    LitRenderer<BoardNode> finalRatingRenderer() {
        // data-rating: the rating shown, for scripts and tests that read the board.
        var color = " data-rating=${item.rating ?? ''}"
                + " style=${item.ratingColor ? '--rating-color: ' + item.ratingColor : ''}";
        var select = select(
                "final-rating",
                "rating",
                "rating-select ${item.rating ? 'rated' : ''}",
                "Final rating of ${item.name}",
                "Not rated",
                color);
        return BoardCells.entryCell("${item.mayRate ? html`" + select + "`"
                        + " : html`<span id=\"final-rating-${item.id}\""
                        + " class=\"rating-chip ${item.rating ? '' : 'empty'}\"" + color + ">"
                        + "${item.rating ?? '—'}</span>`}")
                .withProperty("mayRate", n -> mayRate())
                .withProperty("name", n -> n.isEntry() ? n.entry.personName() : null)
                .withProperty("rating", n -> n.isEntry() ? n.entry.finalRating() : null)
                .withProperty(
                        "ratingColor", n -> n.isEntry() ? BoardCells.color(board.get(), n.entry.finalRating()) : null)
                .withProperty("ratingItems", n -> n.isEntry() && mayRate() ? ratingItems() : null)
                .withFunction("ratingPick", (n, args) -> rate(n.entry, picked(args)));
    }

    private List<Choice> ratingItems() {
        var labels = new LinkedHashMap<String, String>();
        board.get().session().scale().forEach(r -> labels.put(r, r));
        return items("Not rated", labels);
    }

    /** The final rating picked in a row, saved with the version the row was rendered with. */
    void rate(BoardEntry rendered, String rating) {
        if (rating != null && !board.get().session().scale().contains(rating)) {
            Toasts.error("\"" + rating + "\" is not a rating of this session's scale.");
            return;
        }
        saver.save(rendered, e -> EntryEdit.of(e).withFinalRating(rating));
    }

    /** A submitted case that is not linked to the entry (it was submitted after the session was created). */
    private boolean submitted(BoardEntry e) {
        var info = board.get().cases().get(e.personId());
        return info != null && (info.status() == CaseStatus.SUBMITTED || info.status() == CaseStatus.IN_CALIBRATION);
    }

    /** Whether this session decides the engineer's case: linked, or submitted and taken in when it starts. */
    boolean decidedHere(BoardEntry e) {
        return e.hasCase() || (preparing() && submitted(e));
    }

    /** What the promotion cell says under a case this session does not decide; null when it decides it. */
    String promotionHint(BoardEntry e) {
        if (e.hasCase() || !board.get().cases().containsKey(e.personId())) {
            return null;
        }
        // The session decides the cases it took in when it started; publishing leaves the others alone.
        return !submitted(e)
                ? "Not submitted yet: not decided in this session"
                : preparing()
                        ? "Submitted: taken in when the session starts"
                        : "Submitted after this session started: decided in a later session";
    }

    LitRenderer<BoardNode> promotionRenderer() {
        var select = select(
                "decision", "decision", "decision-select", "Promotion decision for ${item.name}", "Undecided", "");
        return BoardCells.entryCell("<div class=\"promotion-cell\">${item.target == null"
                        + " ? html`<span class=\"muted\">No case</span>`"
                        + " : html`<div class=\"promotion-head\"><span class=\"case-target\">→ ${item.target}</span>"
                        + "<span class=\"badge ${item.statusBadge}\">${item.status}</span></div>"
                        + "${item.hint ? html`<span class=\"entry-sub\">${item.hint}</span>` : ''}"
                        + "${item.decisionItems ? html`" + select + "` : ''}"
                        + "${item.decided ? html`<span class=\"badge ${item.decidedBadge}\">${item.decided}</span>` : ''}"
                        + "`}</div>")
                .withProperty("name", n -> n.isEntry() ? n.entry.personName() : null)
                .withProperty(
                        "target", n -> caseOf(n) == null ? null : caseOf(n).targetLevelKey())
                .withProperty(
                        "status",
                        n -> caseOf(n) == null ? null : caseOf(n).status().label())
                .withProperty(
                        "statusBadge",
                        n -> caseOf(n) == null ? null : caseOf(n).status().badge())
                .withProperty("hint", n -> caseOf(n) == null ? null : promotionHint(n.entry))
                .withProperty(
                        "decision",
                        n -> n.isEntry() && n.entry.decision() != Decision.NO_CASE && n.entry.decision() != null
                                ? n.entry.decision().name()
                                : null)
                .withProperty(
                        "decisionItems",
                        n -> caseOf(n) != null && n.entry.hasCase() && mayRate() ? decisionItems() : null)
                .withProperty("decided", n -> shownDecision(n) == null ? null : shownDecision(n)[0])
                .withProperty("decidedBadge", n -> shownDecision(n) == null ? null : shownDecision(n)[1])
                .withFunction("decisionPick", (n, args) -> decide(n.entry, picked(args)));
    }

    private Board.CaseInfo caseOf(BoardNode n) {
        return n.isEntry() ? board.get().cases().get(n.entry.personId()) : null;
    }

    /**
     * The decision shown as a chip, to those who may not change it, once the session runs: "Undecided" until the
     * committee decides.
     */
    private String[] shownDecision(BoardNode n) {
        if (caseOf(n) == null || !n.entry.hasCase() || mayRate() || preparing()) {
            return null;
        }
        var d = n.entry.decision();
        return d == null ? new String[] {"Undecided", "warning"} : new String[] {d.label(), d.badge()};
    }

    /** The choices of the decision select, as the renderer sends them. */
    static List<Choice> decisionItems() {
        var labels = new LinkedHashMap<String, String>();
        labels.put(Decision.PROMOTE.name(), Decision.PROMOTE.label());
        labels.put(Decision.NOT_YET.name(), Decision.NOT_YET.label());
        return items("Undecided", labels);
    }

    /** The promotion decision picked in a row, saved with the version the row was rendered with. */
    void decide(BoardEntry rendered, String decision) {
        Decision value;
        try {
            value = decision == null ? null : Decision.valueOf(decision);
        } catch (IllegalArgumentException unknown) {
            value = Decision.NO_CASE;
        }
        if (value == Decision.NO_CASE) {
            Toasts.error("\"" + decision + "\" is not a promotion decision.");
            return;
        }
        var chosen = value;
        saver.save(rendered, e -> EntryEdit.of(e).withDecision(chosen));
    }

    LitRenderer<BoardNode> toolsRenderer() {
        return BoardCells.entryCell("<div class=\"tools-cell\">"
                        + "<vaadin-checkbox id=\"compare-${item.id}\" accessible-name=\"Compare ${item.name}\""
                        + " title=\"Compare side by side\" .checked=${live(item.compared)}"
                        + " @change=${e => compare(e.target.checked)}></vaadin-checkbox>"
                        + "<vaadin-button id=\"edit-entry-${item.id}\" theme=\"tertiary icon small\""
                        + " aria-label=\"Open ${item.name}\" @click=${open}><vaadin-icon icon=\"vaadin:edit\"></vaadin-icon>"
                        + "<vaadin-tooltip slot=\"tooltip\" text=\"Details, notes and history\"></vaadin-tooltip>"
                        + "</vaadin-button></div>")
                .withProperty("name", n -> n.isEntry() ? n.entry.personName() : null)
                .withProperty("compared", n -> n.isEntry() && compared.test(n.entry.id()))
                .withFunction("compare", (n, args) -> {
                    if (n.isEntry()
                            && !toggleCompare.test(
                                    n.entry.id(), !args.isEmpty() && args.get(0).asBoolean())) {
                        grid.getDataProvider().refreshItem(n);
                    }
                })
                .withFunction("open", n -> openEntry.accept(n.entry.id()));
    }
}
