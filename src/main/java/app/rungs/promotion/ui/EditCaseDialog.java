package app.rungs.promotion.ui;

import app.rungs.ladder.service.LadderContent.LevelView;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

/** Changes what a case asks for: target level, cycle and justification. */
class EditCaseDialog extends CaseDialog {

    EditCaseDialog(CaseContext ctx) {
        super(ctx, "Edit the case", "min(42rem, 95vw)");
        var details = ctx.details();
        var target = new ComboBox<LevelView>("Target level");
        target.setItemLabelGenerator(l -> l.key() + " · " + l.title());
        var levels = ctx.queries().targetLevels(details.engineerId());
        target.setItems(levels);
        levels.stream()
                .filter(l -> l.key().equals(details.packet().targetLevelKey()))
                .findFirst()
                .ifPresent(target::setValue);
        var cycle = new TextField("Cycle");
        cycle.setValue(details.cycle());
        var justification = new TextArea("Justification");
        justification.setValue(details.justification());
        justification.setWidthFull();
        justification.setMinHeight("10rem");
        var form = new FormLayout(target, cycle, justification);
        form.setColspan(justification, 2);
        add(form);
        confirmWith(
                "Save",
                "Case updated",
                () -> ctx.content()
                        .update(
                                details.id(),
                                details.version(),
                                target.getValue() == null
                                        ? null
                                        : target.getValue().key(),
                                cycle.getValue(),
                                justification.getValue()),
                ButtonVariant.LUMO_PRIMARY);
    }
}
