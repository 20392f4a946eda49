package app.rungs.ladder.ui;

import app.rungs.ladder.service.ImportException;
import app.rungs.ladder.service.LadderFileService;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.ValidationException;
import app.rungs.shared.ui.EmptyState;
import app.rungs.shared.ui.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/**
 * Imports a YAML or CSV file as the ladder's draft (replacing the draft there is, or starting one). The dialog stays
 * open with every problem listed when the file is refused, so the admin can fix it and upload again.
 */
final class ImportDraftDialog extends Dialog {

    ImportDraftDialog(DraftEditor editor, LadderFileService files, Long ladderId, long draftVersion) {
        boolean draft = editor.isDraft();
        setHeaderTitle(draft ? "Import a file into the draft" : "Import a file as a new draft");
        setWidth("min(40rem, 95vw)");
        var problems = new Div();
        problems.addClassName("import-problems");
        var hint = new Paragraph((draft
                        ? "The file replaces this draft entirely. "
                        : "The file becomes a new draft; the published version stays as it is. ")
                + "A CSV carries the matrix only: descriptions, scope and impact of parts whose keys stay the same are "
                + "kept, and names close to the ladder's are checked for typos. Nothing changes if the file has any "
                + "problem; every problem is listed with its row.");
        hint.addClassName("muted");
        var format = new ImportFormatField(files);
        var importButton = new Button(draft ? "Replace draft" : "Import");
        importButton.setEnabled(false);
        var upload = new LadderFileUpload((fileName, bytes) -> {
            problems.removeAll();
            importButton.setEnabled(bytes != null);
            format.detected(fileName, bytes);
        });
        importButton.addClickListener(e -> {
            problems.removeAll();
            try {
                files.importIntoDraft(
                        ladderId, draft ? draftVersion : null, upload.fileName(), upload.bytes(), format.getValue());
                close();
                editor.refresh();
                Toasts.success("Imported " + upload.fileName() + " as draft version "
                        + editor.content().version().number() + ".");
            } catch (ImportException ex) {
                ImportFormatField.showProblems(problems, ex.problems());
            } catch (ValidationException ex) {
                problems.add(EmptyState.problems(ex.problems()));
            } catch (ConcurrentEditException ex) {
                problems.add(new Span(ex.getMessage()));
                editor.refresh();
            }
        });
        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importButton.setId("import-draft-submit");
        add(hint, upload, format, problems);
        getFooter().add(new Button("Cancel", e -> close()), importButton);
    }
}
