package app.rungs.calibration.ui;

import app.rungs.calibration.domain.Decision;
import app.rungs.calibration.service.Board;
import app.rungs.calibration.service.BoardEntry;
import app.rungs.calibration.service.LastCycleChange;
import com.vaadin.flow.data.renderer.LitRenderer;
import java.util.function.Supplier;

/**
 * The engineer's previous published outcome and the direction of this session's rating against it (the final rating,
 * else the proposal): "↑ Up from Meets in 2026-H1", with the promotion decision of then when there was one.
 */
final class LastCycleCell {

    private LastCycleCell() {}

    static LitRenderer<BoardNode> renderer(Supplier<Board> board) {
        return BoardCells.entryCell("${item.last == null"
                        + " ? html`<span class=\"muted\" title=\"No published outcome of an earlier session\">—</span>`"
                        + " : item.change"
                        + " ? html`<div class=\"stacked-cell\" id=\"last-cycle-${item.id}\" data-change=${item.change}>"
                        + "<div class=\"last-cycle-head\">" + BoardCells.chip("last", "small")
                        + "<span class=\"change-arrow change-${item.change.toLowerCase()}\" title=${item.sentence}"
                        + " aria-label=${item.sentence} role=\"img\">${item.arrow}</span></div>"
                        + "<span class=\"entry-sub\">${item.cycle}</span></div>`"
                        + " : html`<div class=\"stacked-cell\" id=\"last-cycle-${item.id}\">"
                        + "<div class=\"last-cycle-head\">" + BoardCells.chip("last", "small") + "</div>"
                        + "<span class=\"entry-sub\">${item.cycle}</span></div>`}")
                .withProperty(
                        "last",
                        n -> last(board.get(), n) == null
                                ? null
                                : last(board.get(), n).rating())
                .withProperty("lastColor", n -> {
                    var last = last(board.get(), n);
                    return last == null ? null : BoardCells.color(board.get(), last.rating());
                })
                .withProperty("change", n -> {
                    var change = change(board.get(), n);
                    return change == null ? null : change.name();
                })
                .withProperty("arrow", n -> {
                    var change = change(board.get(), n);
                    return change == null ? null : change.arrow();
                })
                .withProperty("sentence", n -> {
                    var change = change(board.get(), n);
                    var last = last(board.get(), n);
                    return change == null ? null : change.phrase() + " " + last.rating() + " in " + last.cycle();
                })
                .withProperty("cycle", n -> {
                    var last = last(board.get(), n);
                    return last == null
                            ? null
                            : last.cycle()
                                    + (last.decision() == null || last.decision() == Decision.NO_CASE
                                            ? ""
                                            : " · " + (last.decision() == Decision.PROMOTE ? "promoted" : "not yet"));
                });
    }

    private static Board.LastOutcome last(Board board, BoardNode n) {
        return n.isEntry() ? board.lastCycle().get(n.entry.personId()) : null;
    }

    private static LastCycleChange change(Board board, BoardNode n) {
        var last = last(board, n);
        if (last == null) {
            return null;
        }
        BoardEntry e = n.entry;
        var current = e.finalRating() != null ? e.finalRating() : e.proposedRating();
        return last.change(board.session().scale(), current).orElse(null);
    }
}
