package app.rungs.ladder.ui;

import app.rungs.ladder.domain.ExpectationKind;
import app.rungs.ladder.service.LadderContent;
import app.rungs.ladder.service.LadderContent.CompetencyView;
import app.rungs.ladder.service.LadderContent.LevelView;
import app.rungs.ladder.service.LadderDraftService;
import app.rungs.shared.text.SafeMarkdown;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Optional;

/**
 * Edits what one level asks of one competency: expected (with a statement), not expected, or inherited from the
 * level below. Shows where the current answer comes from, and starts a new statement from the inherited one.
 */
final class CellEditorDialog extends Dialog {

    enum CellMode {
        EXPECTED,
        NOT_EXPECTED,
        INHERIT
    }

    CellEditorDialog(DraftEditor editor, LadderDraftService drafts, CompetencyView competency, LevelView level) {
        var content = editor.content();
        var explicit = content.explicit(competency.key(), level.key());
        var resolved = content.resolve(competency.key(), level.key());
        var below = belowOf(content, level);
        addClassName("cell-dialog");
        setHeaderTitle(competency.name() + " · " + level.key());
        setWidth("min(44rem, 95vw)");

        var state = new Paragraph();
        state.addClassName("cell-state");
        if (explicit.isPresent()) {
            state.setText(
                    explicit.get().kind() == ExpectationKind.NOT_EXPECTED
                            ? "Marked as not expected at " + level.key() + "."
                            : "Set at " + level.key() + " (" + level.title() + ").");
        } else if (resolved.expectation() != null) {
            state.setText("Inherited from " + resolved.definedAt().key() + ": "
                    + (resolved.expected()
                            ? "“"
                                    + SafeMarkdown.toPlainText(
                                            resolved.expectation().statement()) + "”"
                            : "not expected."));
            state.addClassName("cell-state-inherited");
        } else {
            state.setText("Nothing is asked at " + level.key() + " or any level below yet.");
        }

        var mode = new RadioButtonGroup<CellMode>();
        mode.setId("cell-mode");
        mode.setItems(CellMode.values());
        mode.setItemLabelGenerator(m -> switch (m) {
            case EXPECTED -> "Expected at " + level.key();
            case NOT_EXPECTED -> "Not expected at " + level.key();
            case INHERIT -> below.map(b -> "Inherit from " + b).orElse("Nothing asked (clear)");
        });
        var statement = new TextArea("What " + level.key() + " asks");
        statement.setId("cell-statement");
        statement.setWidthFull();
        statement.setMinHeight("8rem");
        statement.setMaxLength(20_000);
        var examples = new TextArea("Examples (optional)");
        examples.setId("cell-examples");
        examples.setWidthFull();
        examples.setMaxLength(20_000);
        examples.setHelperText("Concrete evidence that shows this expectation is met.");
        if (explicit.isPresent() && explicit.get().kind() == ExpectationKind.EXPECTED) {
            statement.setValue(explicit.get().statement());
            examples.setValue(
                    explicit.get().examples() == null ? "" : explicit.get().examples());
        } else if (resolved.expected()) {
            // Raising the bar usually starts from what the level below asks.
            statement.setValue(resolved.expectation().statement());
            examples.setValue(
                    resolved.expectation().examples() == null
                            ? ""
                            : resolved.expectation().examples());
        }
        mode.addValueChangeListener(e -> {
            statement.setVisible(e.getValue() == CellMode.EXPECTED);
            examples.setVisible(e.getValue() == CellMode.EXPECTED);
        });
        mode.setValue(
                explicit.map(e -> e.kind() == ExpectationKind.NOT_EXPECTED ? CellMode.NOT_EXPECTED : CellMode.EXPECTED)
                        .orElse(CellMode.INHERIT));
        add(state, mode, statement, examples);

        var versionId = editor.versionId();
        var save = new Button("Save", e -> {
            boolean done;
            var rowVersion =
                    explicit.map(LadderContent.ExpectationView::version).orElse(null);
            if (mode.getValue() == CellMode.INHERIT) {
                done = explicit.isEmpty()
                        || Toasts.attempt(
                                () -> drafts.clearExpectation(versionId, competency.key(), level.key(), rowVersion),
                                conflict -> editor.refresh());
            } else {
                var kind =
                        mode.getValue() == CellMode.EXPECTED ? ExpectationKind.EXPECTED : ExpectationKind.NOT_EXPECTED;
                done = Toasts.attempt(
                        () -> drafts.setExpectation(
                                versionId,
                                competency.key(),
                                level.key(),
                                kind,
                                statement.getValue(),
                                examples.getValue(),
                                rowVersion),
                        conflict -> {
                            close();
                            editor.refresh();
                        });
            }
            if (done) {
                close();
                editor.refresh();
                Toasts.success("Saved what " + level.key() + " asks of " + competency.name() + ".");
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("cell-save");
        var cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, save);
    }

    /** The key of the nearest lower level, if any, for the "inherit from" label. */
    private static Optional<String> belowOf(LadderContent content, LevelView level) {
        int i = content.levels().indexOf(level);
        return i > 0 ? Optional.of(content.levels().get(i - 1).key()) : Optional.empty();
    }
}
