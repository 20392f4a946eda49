package app.rungs.calibration.ui;

import app.rungs.calibration.service.BoardEntries;
import app.rungs.calibration.service.BoardEntry;
import app.rungs.calibration.service.RatingConflictException;
import app.rungs.shared.service.ValidationException;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.function.SerializableConsumer;
import java.util.List;

/** A manager's proposal for one engineer: a rating of the session's scale and the rationale. */
class ProposalDialog extends Dialog {

    final RadioButtonGroup<String> rating = new RadioButtonGroup<>("Proposed rating");
    final TextArea rationale = new TextArea("Rationale");
    final Paragraph message = new Paragraph();
    final Button save = new Button("Save proposal");
    private BoardEntry entry;

    ProposalDialog(
            BoardEntries boardEntries, List<String> scale, BoardEntry loaded, SerializableConsumer<BoardEntry> saved) {
        this.entry = loaded;
        setHeaderTitle("Proposal for " + loaded.personName());
        setWidth("min(560px, 96vw)");
        rating.setId("proposal-rating");
        rating.setItems(scale);
        rating.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        rationale.setId("proposal-rationale");
        rationale.setWidthFull();
        rationale.setMinHeight("8rem");
        rationale.setMaxLength(4000);
        rationale.setHelperText("What the committee should know: impact, scope, growth since the last cycle.");
        message.addClassName("form-error");
        message.setVisible(false);
        show(loaded);
        add(rating, rationale, message);

        save.setId("save-proposal");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            try {
                var result = boardEntries.propose(entry.id(), entry.version(), rating.getValue(), rationale.getValue());
                close();
                Toasts.success("Proposal saved for " + result.personName() + ".");
                saved.accept(result);
            } catch (RatingConflictException conflict) {
                var mine = rating.getValue();
                var text = rationale.getValue();
                entry = conflict.fresh();
                show(entry);
                message.removeAll();
                message.setText(conflict.getMessage() + " The fresh proposal is shown; yours was "
                        + (mine == null ? "no rating" : mine) + ".");
                var again = new Button("Apply my proposal again", click -> {
                    rating.setValue(mine);
                    rationale.setValue(text);
                    message.setVisible(false);
                });
                again.setId("proposal-reapply");
                again.addThemeVariants(ButtonVariant.LUMO_SMALL);
                message.add(again);
                message.setVisible(true);
            } catch (ValidationException problem) {
                message.setText(String.join(" ", problem.problems()));
                message.setVisible(true);
            }
        });
        var withdraw = new Button("Withdraw proposal", e -> {
            rating.clear();
            rationale.clear();
        });
        withdraw.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        withdraw.setVisible(loaded.proposedRating() != null);
        var cancel = new Button("Cancel", e -> close());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        getFooter().add(withdraw, cancel, save);
    }

    private void show(BoardEntry e) {
        rating.setValue(e.proposedRating());
        rationale.setValue(e.proposalRationale() == null ? "" : e.proposalRationale());
    }
}
