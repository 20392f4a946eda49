package app.rungs.ladder.ui;

import app.rungs.ladder.service.LadderContent;
import app.rungs.ladder.service.LadderDiff;
import app.rungs.ladder.service.LadderLifecycleService;
import app.rungs.ladder.service.LadderService;
import app.rungs.shared.ui.Badges;
import app.rungs.shared.ui.EmptyState;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Optional;

/**
 * Publishes the draft with a change note, after showing what blocks it or how it differs from the published version.
 * On success it hands over the number of the version it replaced (if any) and of the new one, to show the diff.
 */
final class PublishDialog extends Dialog {

    /** What the editor does after publishing: typically open the history at the diff of the two versions. */
    @FunctionalInterface
    interface Published {
        void shown(Optional<Integer> previousNumber, int number);
    }

    PublishDialog(
            DraftEditor editor,
            LadderService ladders,
            LadderLifecycleService lifecycle,
            long draftVersion,
            Published onPublished) {
        var content = editor.content();
        var number = content.version().number();
        setHeaderTitle("Publish version " + number);
        setWidth("min(40rem, 95vw)");
        var problems = content.publishChecks();
        Optional<LadderContent> published = ladders.published(content.version().ladderId());
        if (!problems.isEmpty()) {
            add(new Paragraph("Fix these first:"), EmptyState.problems(problems));
        } else {
            published.ifPresent(p -> {
                var diff = ladders.diff(p.version().id(), editor.versionId());
                var summary =
                        new Paragraph("Compared with version " + p.version().number() + ": "
                                + diff.count(LadderDiff.Change.ADDED) + " added, "
                                + diff.count(LadderDiff.Change.CHANGED) + " changed, "
                                + diff.count(LadderDiff.Change.REMOVED) + " removed.");
                summary.setId("publish-summary");
                add(summary);
            });
            add(Badges.muted("Once published, version " + number
                    + " becomes what everyone sees and never changes again"
                    + published
                            .map(p -> "; version " + p.version().number() + " stays readable in the history.")
                            .orElse(".")));
        }
        var note = new TextArea("Change note");
        note.setId("publish-note");
        note.setWidthFull();
        note.setMaxLength(1000);
        note.setPlaceholder("What changed and why. Shown in the version history.");
        add(note);
        var versionId = editor.versionId();
        var publish = new Button("Publish", e -> {
            if (Toasts.attempt(() -> lifecycle.publish(versionId, draftVersion, note.getValue()), conflict -> {
                close();
                editor.refresh();
            })) {
                close();
                Toasts.success("Version " + number + " is published.");
                onPublished.shown(published.map(p -> p.version().number()), number);
            }
        });
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        publish.setEnabled(problems.isEmpty());
        publish.setId("publish-confirm");
        getFooter().add(new Button("Cancel", e -> close()), publish);
    }
}
