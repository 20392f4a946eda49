package app.rungs.calibration.ui;

import app.rungs.calibration.domain.Decision;
import app.rungs.calibration.domain.SessionAction;
import app.rungs.calibration.domain.SessionStatus;
import app.rungs.calibration.service.Board;
import app.rungs.calibration.service.BoardEntry;
import app.rungs.calibration.service.EntryEdit;
import app.rungs.promotion.domain.CaseStatus;
import app.rungs.shared.ui.Badges;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The board's columns and its editable cells: the final rating and promotion decision selects (saved inline with the
 * version the row was rendered with), and the compare and open tools. Read-only cells are in {@link BoardCells}.
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
        grid.setId("board-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_NO_BORDER);
        grid.addClassName("board-grid");
        grid.addComponentHierarchyColumn(n -> BoardCells.nameCell(n, mayOpenPerson))
                .setHeader("Engineer")
                .setFlexGrow(3)
                .setWidth("14rem");
        column(grid, BoardCells::timeInLevel, "In level", "6rem", 0);
        column(grid, e -> LastCycleCell.of(board.get(), e), "Last cycle", "9rem", 0);
        column(grid, e -> BoardCells.proposal(board.get(), e), "Proposal", "9rem", 2);
        column(grid, this::finalRating, "Final rating", "11.5rem", 0);
        column(grid, this::promotion, "Promotion", "10.5rem", 0);
        column(grid, e -> BoardCells.readiness(board.get(), e), "Readiness", "7rem", 0);
        column(grid, this::tools, "", "5rem", 0);
        grid.setPartNameGenerator(n -> n.isEntry() ? null : n.level == null ? "tier-row" : "level-row");
        grid.setAllRowsVisible(true);
        grid.setSelectionMode(TreeGrid.SelectionMode.NONE);
    }

    /** A column that renders a cell on engineer rows and nothing on tier and level rows. */
    private static void column(
            TreeGrid<BoardNode> grid, Function<BoardEntry, Component> cell, String header, String width, int flex) {
        grid.addColumn(new ComponentRenderer<>(n -> n.isEntry() ? cell.apply(n.entry) : new Span()))
                .setHeader(header)
                .setWidth(width)
                .setFlexGrow(flex);
    }

    private boolean preparing() {
        return board.get().session().status() == SessionStatus.PREPARING;
    }

    Component finalRating(BoardEntry e) {
        var session = board.get().session();
        var scale = session.scale();
        if (!session.may(SessionAction.RATE)) {
            var chip = CalibrationChips.rating(scale, e.finalRating());
            chip.setId("final-rating-" + e.id());
            chip.getElement().setAttribute("data-rating", e.finalRating() == null ? "" : e.finalRating());
            return chip;
        }
        var select = new Select<String>();
        select.setId("final-rating-" + e.id());
        select.addClassName("rating-select");
        select.setItems(scale);
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption("Not rated");
        select.setValue(e.finalRating());
        select.setAriaLabel("Final rating of " + e.personName());
        select.getElement().setAttribute("data-rating", e.finalRating() == null ? "" : e.finalRating());
        if (e.finalRating() != null) {
            select.getStyle().set("--rating-color", DistributionChart.color(scale, e.finalRating()));
            select.addClassName("rated");
        }
        select.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                saver.save(e, rendered -> EntryEdit.of(rendered).withFinalRating(change.getValue()));
            }
        });
        return select;
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

    Component promotion(BoardEntry e) {
        var promotionCase = board.get().cases().get(e.personId());
        var cell = new Div();
        cell.addClassName("promotion-cell");
        if (promotionCase == null) {
            var none = new Span("No case");
            none.addClassName("muted");
            cell.add(none);
            return cell;
        }
        var target = new Span("→ " + promotionCase.targetLevelKey());
        target.addClassName("case-target");
        var head = new Div(
                target,
                Badges.badge(
                        promotionCase.status().label(), promotionCase.status().badge()));
        head.addClassName("promotion-head");
        cell.add(head);
        if (!e.hasCase()) {
            // The session decides the cases it took in when it started; publishing leaves the others alone.
            var hint = new Span(
                    !submitted(e)
                            ? "Not submitted yet: not decided in this session"
                            : preparing()
                                    ? "Submitted: taken in when the session starts"
                                    : "Submitted after this session started: decided in a later session");
            hint.addClassName("entry-sub");
            cell.add(hint);
        } else if (board.get().session().may(SessionAction.RATE)) {
            cell.add(decisionSelect(e));
        } else if (!preparing()) {
            cell.add(CalibrationChips.decision(e.decision()));
        }
        return cell;
    }

    private Select<Decision> decisionSelect(BoardEntry e) {
        var decision = new Select<Decision>();
        decision.setId("decision-" + e.id());
        decision.addClassName("decision-select");
        decision.setItems(Decision.PROMOTE, Decision.NOT_YET);
        decision.setItemLabelGenerator(d -> d == null ? "Undecided" : d.label());
        decision.setEmptySelectionAllowed(true);
        decision.setEmptySelectionCaption("Undecided");
        decision.setValue(e.decision() == Decision.NO_CASE ? null : e.decision());
        decision.setAriaLabel("Promotion decision for " + e.personName());
        decision.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                saver.save(e, rendered -> EntryEdit.of(rendered).withDecision(change.getValue()));
            }
        });
        return decision;
    }

    private Component tools(BoardEntry e) {
        var pick = new Checkbox();
        pick.setId("compare-" + e.id());
        pick.setAriaLabel("Compare " + e.personName());
        pick.setValue(compared.test(e.id()));
        pick.addValueChangeListener(change -> {
            if (change.isFromClient() && !toggleCompare.test(e.id(), change.getValue())) {
                pick.setValue(false);
            }
        });
        pick.getElement().setAttribute("title", "Compare side by side");
        var edit = new Button(VaadinIcon.EDIT.create());
        edit.setId("edit-entry-" + e.id());
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_SMALL);
        edit.setAriaLabel("Open " + e.personName());
        edit.setTooltipText("Details, notes and history");
        edit.addClickListener(click -> openEntry.accept(e.id()));
        var cell = new Div(pick, edit);
        cell.addClassName("tools-cell");
        return cell;
    }
}
