package app.rungs.calibration.ui;

import app.rungs.calibration.domain.Potential;
import app.rungs.calibration.domain.SessionAction;
import app.rungs.calibration.domain.SessionStatus;
import app.rungs.calibration.service.Board;
import app.rungs.calibration.service.BoardEntry;
import app.rungs.calibration.service.PotentialRatings;
import app.rungs.calibration.service.RatingConflictException;
import app.rungs.calibration.service.SessionDetails;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.renderer.LitRenderer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The board's potential column (shown in sessions that rate potential: a select while the committee rates, else the
 * value) and the facilitator's switch that turns potential rating on or off for the session.
 */
final class PotentialCells {

    private final Supplier<Board> board;
    private final PotentialRatings potentials;
    private final Consumer<BoardEntry> apply;
    private final Runnable reload;

    PotentialCells(Supplier<Board> board, PotentialRatings potentials, Consumer<BoardEntry> apply, Runnable reload) {
        this.board = board;
        this.potentials = potentials;
        this.apply = apply;
        this.reload = reload;
    }

    /** Adds the column right after the final rating; hidden until a board of a session that rates potential. */
    Grid.Column<BoardNode> addTo(TreeGrid<BoardNode> grid) {
        var column = grid.addColumn(renderer())
                .setHeader("Potential")
                .setWidth("9rem")
                .setFlexGrow(0);
        column.setVisible(false);
        var order = new ArrayList<>(grid.getColumns());
        order.remove(column);
        int after = -1;
        for (int i = 0; i < order.size(); i++) {
            if ("Final rating".equals(order.get(i).getHeaderText())) {
                after = i;
            }
        }
        order.add(after < 0 ? order.size() : after + 1, column);
        grid.setColumnOrder(order);
        return column;
    }

    private boolean mayRate() {
        return board.get().session().may(SessionAction.RATE);
    }

    /** A select while the committee rates, else the value (a Lit template, no component per row). */
    LitRenderer<BoardNode> renderer() {
        var labels = new LinkedHashMap<String, String>();
        for (var p : Potential.values()) {
            labels.put(p.name(), p.label());
        }
        var items = BoardColumns.items("Not rated", labels);
        var select = BoardColumns.select(
                "potential", "potential", "potential-select", "Potential of ${item.name}", "Not rated", "");
        return BoardCells.entryCell("${item.mayRate ? html`" + select + "`"
                        + " : html`<span id=\"potential-${item.id}\" class=${item.potential ? '' : 'muted'}>"
                        + "${item.potentialLabel ?? '—'}</span>`}")
                .withProperty("mayRate", n -> mayRate())
                .withProperty("name", n -> n.isEntry() ? n.entry.personName() : null)
                .withProperty(
                        "potential",
                        n -> n.isEntry() && n.entry.potential() != null
                                ? n.entry.potential().name()
                                : null)
                .withProperty(
                        "potentialLabel",
                        n -> n.isEntry() && n.entry.potential() != null
                                ? n.entry.potential().label()
                                : null)
                .withProperty("potentialItems", n -> n.isEntry() && mayRate() ? items : null)
                .withFunction("potentialPick", (n, args) -> rate(n.entry, BoardColumns.picked(args)));
    }

    /** The potential picked in a row, saved with the version the row was rendered with. */
    void rate(BoardEntry e, String picked) {
        Potential value = null;
        if (picked != null) {
            try {
                value = Potential.valueOf(picked);
            } catch (IllegalArgumentException unknown) {
                Toasts.error("\"" + picked + "\" is not a potential rating.");
                return;
            }
        }
        try {
            apply.accept(potentials.ratePotential(e.id(), e.version(), value));
        } catch (RatingConflictException conflict) {
            Toasts.error(conflict.getMessage());
            apply.accept(conflict.fresh());
        } catch (RuntimeException problem) {
            Toasts.error(Toasts.message(problem));
            reload.run();
        }
    }

    /** The facilitator's (or an admin's) switch, while the session prepares or runs. */
    Optional<Component> option(SessionDetails s) {
        boolean leads = s.may(SessionAction.START) || s.may(SessionAction.LOCK);
        if (!leads || (s.status() != SessionStatus.PREPARING && s.status() != SessionStatus.IN_SESSION)) {
            return Optional.empty();
        }
        var box = new Checkbox("Rate potential (9-box)", s.potentialRated());
        box.setId("rate-potential");
        box.addClassName("potential-option");
        box.setTooltipText("The committee rates each engineer's potential Low, Medium or High in session");
        box.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                Toasts.attempt(() -> potentials.ratePotentialIn(s.id(), change.getValue(), s.version()));
                reload.run();
            }
        });
        return Optional.of(box);
    }
}
