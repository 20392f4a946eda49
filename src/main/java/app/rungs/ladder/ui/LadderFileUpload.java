package app.rungs.ladder.ui;

import app.rungs.ladder.service.LadderYaml;
import app.rungs.shared.ui.LimitedUploadHandler;
import app.rungs.shared.ui.Toasts;
import app.rungs.shared.ui.UploadLimit;
import app.rungs.shared.ui.UploadedFile;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.BiConsumer;

/**
 * An upload field for one ladder file (.yaml, .yml or .csv) of at most {@link LadderYaml#MAX_BYTES} bytes. The size
 * is limited in the browser, on the server while the file arrives (to a temporary file, by {@link
 * LimitedUploadHandler}), and by the services a third time. The file is deleted when replaced or when the field
 * leaves the screen (the dialog closes).
 */
class LadderFileUpload extends Div {

    static final int MAX_BYTES = LadderYaml.MAX_BYTES;
    static final UploadLimit LIMIT = new UploadLimit(MAX_BYTES, "ladder files");

    final Upload upload;
    private UploadedFile file;

    LadderFileUpload(BiConsumer<String, UploadedFile> onReceived) {
        addClassName("ladder-upload");
        var handler = new LimitedUploadHandler(
                LIMIT,
                received -> {
                    discard();
                    file = received;
                    onReceived.accept(received.fileName(), received);
                },
                Toasts::error);
        upload = new Upload(handler);
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_BYTES);
        upload.setAcceptedFileTypes(".yaml", ".yml", ".csv");
        upload.setDropLabel(new Span("Drop a .yaml or .csv ladder file here (2 MB at most)"));
        var i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne("Choose file…"));
        i18n.setError(new UploadI18N.Error()
                .setFileIsTooBig("The file is larger than 2 MB; ladder files may be at most 2 MB.")
                .setIncorrectFileType("Choose a .yaml, .yml or .csv file.")
                .setTooManyFiles("Choose one file."));
        upload.setI18n(i18n);
        upload.addFileRejectedListener(e -> Toasts.error(e.getErrorMessage()));
        upload.addFileRemovedListener(e -> {
            discard();
            onReceived.accept(null, null);
        });
        addDetachListener(e -> discard());
        add(upload);
    }

    private void discard() {
        if (file != null) {
            file.discard();
            file = null;
        }
    }

    String fileName() {
        return file == null ? null : file.fileName();
    }

    /** The file's bytes for the ladder parser, which needs them whole; 2 MB at most (checked as they arrived). */
    byte[] bytes() {
        if (file == null) {
            return null;
        }
        try {
            return file.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean hasFile() {
        return file != null;
    }
}
