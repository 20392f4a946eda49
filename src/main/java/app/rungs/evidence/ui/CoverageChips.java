package app.rungs.evidence.ui;

import app.rungs.evidence.service.Coverage;
import app.rungs.shared.ui.Keyboard;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The evidence chips of one coverage line: the newest few the coverage brought, then "Show 50 more of N", which loads
 * the line's next page in place of the button. An engineer with thousands of items opens the page with a handful of
 * chips per line (docs/decisions/0030).
 */
final class CoverageChips {

    /** Items a "show more" click adds to a line. */
    static final int PAGE = 50;

    private final Consumer<Long> open;
    private final BiFunction<Coverage.Line, Integer, List<Coverage.Ref>> more;

    /**
     * @param open opens an item by id
     * @param more the next page of a line's items from an offset
     */
    CoverageChips(Consumer<Long> open, BiFunction<Coverage.Line, Integer, List<Coverage.Ref>> more) {
        this.open = open;
        this.more = more;
    }

    void fill(Coverage.Line l, Div row) {
        l.evidence().forEach(ref -> row.add(chip(ref)));
        if (l.moreEvidence() > 0) {
            row.add(showMore(l, row));
        }
    }

    private Component chip(Coverage.Ref ref) {
        var chip = new Span(EvidenceRenderers.icon(ref.type()), new Span(ref.title()));
        chip.addClassNames("evidence-chip", "status-" + ref.status().name().toLowerCase());
        chip.getElement()
                .setAttribute("title", ref.status().label() + " · " + ref.type().label() + " · " + ref.levelKey());
        chip.addClickListener(e -> open.accept(ref.id()));
        Keyboard.actsAsButton(chip, null, () -> open.accept(ref.id()));
        return chip;
    }

    private Component showMore(Coverage.Line l, Div row) {
        int[] shown = {l.evidence().size()};
        var button = new Button();
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        button.addClassName("coverage-show-more");
        button.setId("coverage-more-" + l.competencyKey());
        Runnable label =
                () -> button.setText("Show " + String.format("%,d", Math.min(PAGE, l.evidenceCount() - shown[0]))
                        + " more of " + String.format("%,d", l.evidenceCount()));
        label.run();
        button.addClickListener(e -> {
            var page = more.apply(l, shown[0]);
            int at = row.indexOf(button);
            for (var ref : page) {
                row.addComponentAtIndex(at++, chip(ref));
            }
            shown[0] += page.size();
            if (page.isEmpty() || shown[0] >= l.evidenceCount()) {
                row.remove(button);
            } else {
                label.run();
            }
        });
        return button;
    }
}
