package app.rungs.cycle.ui;

import app.rungs.cycle.service.StepProgress;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.progressbar.ProgressBarVariant;

/** A progress bar with "6 of 9 self-assessments in" under it. */
final class ProgressCell {

    private ProgressCell() {}

    static Div of(StepProgress s) {
        var bar = new ProgressBar(0, Math.max(1, s.total()), s.done());
        bar.getElement().setAttribute("aria-label", s.text());
        if (s.total() > 0 && s.done() == s.total()) {
            bar.addThemeVariants(ProgressBarVariant.LUMO_SUCCESS);
        }
        var text = new Span(s.text());
        text.addClassName("cycle-progress-text");
        var cell = new Div(bar, text);
        cell.addClassName("cycle-progress");
        return cell;
    }
}
