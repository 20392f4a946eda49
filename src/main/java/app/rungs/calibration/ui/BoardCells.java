package app.rungs.calibration.ui;

import app.rungs.calibration.domain.Decision;
import app.rungs.calibration.service.Board;
import app.rungs.calibration.service.BoardEntry;
import app.rungs.people.service.PeopleRoutes;
import app.rungs.shared.ui.Card;
import app.rungs.shared.ui.Formats;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The board's read-only renderers: group and engineer names, time in level, last cycle, proposal, readiness, summary.
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

    /** An engineer's name leads to their person page when the viewer may open it, as in the people grid. */
    static Component nameCell(BoardNode n, Predicate<Long> mayOpen) {
        if (!n.isEntry()) {
            Span label;
            if (n.level == null) {
                label = new Span(n.tierName);
                label.addClassName("tier-label");
            } else {
                var key = new Span(n.level.levelKey());
                key.addClassName("level-key");
                var title = new Span(n.level.levelTitle());
                title.addClassName("level-title");
                label = new Span(key, title);
                label.addClassName("level-label");
            }
            label.getElement()
                    .setAttribute(
                            "title", n.level == null ? n.tierName : n.level.levelKey() + " · " + n.level.levelTitle());
            var count = new Span(String.valueOf(n.count));
            count.addClassName("group-count");
            var cell = new Div(label, count);
            cell.addClassName("group-cell");
            return cell;
        }
        var e = n.entry;
        Component name;
        if (mayOpen.test(e.personId())) {
            var link = new Anchor(PeopleRoutes.person(e.personId()), e.personName());
            link.addClassNames("entry-name", "person-link");
            name = link;
        } else {
            var plain = new Span(e.personName());
            plain.addClassName("entry-name");
            name = plain;
        }
        var sub = new Span((e.teamName() == null ? "" : e.teamName() + " · ")
                + (e.managerName() == null ? "no manager" : e.managerName()));
        sub.addClassName("entry-sub");
        var cell = new Div(name, sub);
        cell.addClassName("entry-cell");
        return cell;
    }

    static Component timeInLevel(BoardEntry e) {
        var span = new Span(Formats.since(e.levelSince(), Formats.today()));
        span.addClassName("time-in-level");
        span.getElement().setAttribute("title", "At " + e.levelKey() + " since " + Formats.date(e.levelSince()));
        return span;
    }

    static Component lastCycle(Board board, BoardEntry e) {
        var last = board.lastCycle().get(e.personId());
        if (last == null) {
            var none = new Span("—");
            none.addClassName("muted");
            return none;
        }
        var chip = CalibrationChips.rating(board.session().scale(), last.rating());
        chip.addClassName("small");
        var cycle = new Span(last.cycle());
        cycle.addClassName("entry-sub");
        var cell = new Div(chip, cycle);
        cell.addClassName("stacked-cell");
        return cell;
    }

    static Component proposal(Board board, BoardEntry e) {
        var chip = CalibrationChips.rating(board.session().scale(), e.proposedRating());
        var cell = new Div(chip);
        cell.addClassName("proposal-cell");
        if (e.proposalRationale() != null) {
            var text = new Span(e.proposalRationale());
            text.addClassName("rationale");
            text.getElement().setAttribute("title", e.proposalRationale());
            cell.add(text);
        }
        return cell;
    }

    static Component readiness(Board board, BoardEntry e) {
        var r = board.readiness().get(e.personId());
        if (r == null) {
            var none = new Span("—");
            none.addClassName("muted");
            return none;
        }
        var bar = new ProgressBar(0, 100, r.percent());
        bar.getElement().setAttribute("aria-label", "Readiness for " + r.levelKey());
        bar.addClassName("readiness-bar");
        var text = new Span((r.ready() ? "✓ " : "") + r.percent() + "% " + r.levelKey());
        text.addClassName("readiness-text");
        var cell = new Div(text, bar);
        cell.addClassName("readiness-cell");
        if (r.ready()) {
            cell.addClassName("ready");
        }
        cell.getElement().setAttribute("title", r.checklist());
        return cell;
    }
}
