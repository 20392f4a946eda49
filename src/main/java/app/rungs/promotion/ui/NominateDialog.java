package app.rungs.promotion.ui;

import app.rungs.cycle.service.CycleStep;
import app.rungs.cycle.service.ReviewCycles;
import app.rungs.cycle.ui.CycleField;
import app.rungs.ladder.service.LadderContent.LevelView;
import app.rungs.promotion.service.Cycles;
import app.rungs.promotion.service.PromotionQueries;
import app.rungs.promotion.service.PromotionService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDate;

/** Starts a case: a manager picks an engineer of their line (an admin anyone), or an engineer nominates themselves. */
class NominateDialog extends Dialog {

    /** An engineer to choose. */
    record Pick(Long id, String label) {}

    enum Mode {
        LINE,
        ANYONE,
        SELF
    }

    final ComboBox<Pick> engineer = new ComboBox<>("Engineer");
    final ComboBox<LevelView> target = new ComboBox<>("Target level");
    final ComboBox<String> cycle;
    final TextArea justification = new TextArea();
    final Button nominate;

    NominateDialog(PromotionService promotions, PromotionQueries queries, ReviewCycles cycles, Mode mode) {
        cycle = CycleField.create(cycles, CycleStep.NOMINATION, Cycles.of(LocalDate.now()));
        setHeaderTitle(mode == Mode.SELF ? "Nominate yourself" : "Nominate an engineer");
        setWidth("min(42rem, 95vw)");
        addClassName("case-dialog");
        var intro = new Paragraph(
                mode == Mode.SELF
                        ? "Your manager will accept the nomination and build the packet with you, or decline it"
                                + " with a reason."
                        : "The case starts as a draft: write the narrative, check the evidence coverage and submit it"
                                + " when it is ready.");
        intro.addClassName("muted");

        target.setItemLabelGenerator(l -> l.key() + " · " + l.title());
        target.setRequiredIndicatorVisible(true);
        target.setWidthFull();
        justification.setLabel(mode == Mode.SELF ? "Why now?" : "Justification");
        justification.setHelperText(
                mode == Mode.SELF
                        ? "What you have done at the target level's scope, in a few sentences."
                        : "Why this engineer is ready, in a few sentences; the packet adds the details.");
        justification.setRequiredIndicatorVisible(true);
        justification.setMinHeight("8rem");
        justification.setWidthFull();

        var form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        if (mode != Mode.SELF) {
            engineer.setRequiredIndicatorVisible(true);
            engineer.setItemLabelGenerator(Pick::label);
            engineer.setWidthFull();
            if (mode == Mode.LINE) {
                // Searched a page at a time: a director's line can hold tens of thousands of people.
                engineer.setItems(query ->
                        queries
                                .nominationCandidates(query.getFilter().orElse(""), query.getOffset(), query.getLimit())
                                .stream()
                                .map(p -> new Pick(p.id(), p.fullName() + " · " + p.levelKey())));
            } else {
                engineer.setItems(query ->
                        queries
                                .reviewerCandidates(query.getFilter().orElse(""), query.getOffset() + query.getLimit())
                                .stream()
                                .skip(query.getOffset())
                                .map(c -> new Pick(c.id(), c.label())));
            }
            engineer.addValueChangeListener(e -> {
                target.clear();
                if (e.getValue() != null) {
                    var levels = queries.targetLevels(e.getValue().id());
                    target.setItems(levels);
                    levels.stream().findFirst().ifPresent(target::setValue);
                }
            });
            form.add(engineer, 2);
        } else {
            var levels = queries.targetLevels(null);
            target.setItems(levels);
            levels.stream().findFirst().ifPresent(target::setValue);
        }
        form.add(target, cycle);
        form.add(justification, 2);
        add(intro, form);

        nominate = new Button(mode == Mode.SELF ? "Nominate myself" : "Nominate", e -> {
            var level = target.getValue() == null ? null : target.getValue().key();
            Long id = mode == Mode.SELF
                    ? promotions.nominateSelf(level, cycle.getValue(), justification.getValue())
                    : promotions.nominate(
                            engineer.getValue() == null
                                    ? null
                                    : engineer.getValue().id(),
                            level,
                            cycle.getValue(),
                            justification.getValue());
            close();
            UI.getCurrent().navigate(PromotionCaseView.class, PromotionCaseView.parameters(id));
        });
        nominate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), nominate);
    }
}
