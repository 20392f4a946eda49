package app.rungs.ladder.ui;

import app.rungs.ladder.service.ImportException;
import app.rungs.ladder.service.ImportFormat;
import app.rungs.ladder.service.LadderFileService;
import app.rungs.shared.ui.EmptyState;
import app.rungs.shared.ui.UploadedFile;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The format an import reads a file as: detected from the file unless the admin picks one (an FT job family, a
 * criterion-per-row sheet…). After an upload the helper text says what was detected, so a surprise shows before the
 * import does.
 */
final class ImportFormatField extends Select<ImportFormat> {

    private final LadderFileService files;

    ImportFormatField(LadderFileService files) {
        this.files = files;
        setId("import-format");
        setLabel("Format");
        setItems(ImportFormat.values());
        setItemLabelGenerator(f -> f == null ? "Detect from the file" : f.label());
        setEmptySelectionAllowed(true);
        setEmptySelectionCaption("Detect from the file");
        setWidthFull();
        setHelperText("Rungs YAML or CSV, a Financial Times engineering-progression job family (.yml), or a sheet with"
                + " the columns level, competency and criterion, one criterion per row.");
    }

    /** Says which format an uploaded file would be read as; the file's own problems show when it is imported. */
    void detected(String fileName, UploadedFile file) {
        if (fileName == null || file == null) {
            return;
        }
        try {
            setHelperText("Detected: "
                    + files.detectFormat(fileName, file.readAllBytes()).label() + ".");
        } catch (ImportException e) {
            setHelperText(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the problem area's content with every problem of a refused file, counted. */
    static void showProblems(Div problems, List<String> list) {
        problems.removeAll();
        problems.add(new Span("Nothing was imported: the file has "
                + (list.size() == 1 ? "1 problem" : list.size() + " problems")
                + ". Fix them and upload the file again."));
        problems.add(EmptyState.problems(list));
    }
}
