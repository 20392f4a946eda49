package app.rungs.calibration.ui;

import app.rungs.calibration.domain.Decision;
import app.rungs.calibration.service.Board;
import app.rungs.calibration.service.BoardEntry;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * The engineer's previous published outcome and the direction of this session's rating against it (the final rating,
 * else the proposal): "↑ Up from Meets in 2026-H1", with the promotion decision of then when there was one.
 */
final class LastCycleCell {

    private LastCycleCell() {}

    static Component of(Board board, BoardEntry e) {
        var last = board.lastCycle().get(e.personId());
        if (last == null) {
            var none = new Span("—");
            none.addClassName("muted");
            none.getElement().setAttribute("title", "No published outcome of an earlier session");
            return none;
        }
        var scale = board.session().scale();
        var chip = CalibrationChips.rating(scale, last.rating());
        chip.addClassName("small");
        var current = e.finalRating() != null ? e.finalRating() : e.proposedRating();
        var change = last.change(scale, current);
        var head = new Div(chip);
        head.addClassName("last-cycle-head");
        var cell = new Div(head);
        cell.addClassName("stacked-cell");
        cell.setId("last-cycle-" + e.id());
        change.ifPresent(c -> {
            var arrow = new Span(c.arrow());
            arrow.addClassNames("change-arrow", "change-" + c.name().toLowerCase());
            var sentence = c.phrase() + " " + last.rating() + " in " + last.cycle();
            arrow.getElement().setAttribute("title", sentence);
            arrow.getElement().setAttribute("aria-label", sentence);
            arrow.getElement().setAttribute("role", "img");
            cell.getElement().setAttribute("data-change", c.name());
            head.add(arrow);
        });
        var sub = new Span(last.cycle()
                + (last.decision() == null || last.decision() == Decision.NO_CASE
                        ? ""
                        : " · " + (last.decision() == Decision.PROMOTE ? "promoted" : "not yet")));
        sub.addClassName("entry-sub");
        cell.add(sub);
        return cell;
    }
}
