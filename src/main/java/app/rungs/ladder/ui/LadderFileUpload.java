package app.rungs.ladder.ui;

import app.rungs.ladder.service.LadderYaml;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.InMemoryUploadHandler;
import java.util.function.BiConsumer;

/**
 * An upload field for one ladder file (.yaml, .yml or .csv) of at most {@link LadderYaml#MAX_BYTES} bytes. The size
 * is limited in the browser and again on the server before the bytes are kept; the services check it a third time.
 */
class LadderFileUpload extends Div {

    static final int MAX_BYTES = LadderYaml.MAX_BYTES;

    final Upload upload;
    private String fileName;
    private byte[] bytes;

    LadderFileUpload(BiConsumer<String, byte[]> onReceived) {
        addClassName("ladder-upload");
        var handler =
                new InMemoryUploadHandler((metadata, data) -> {
                    if (data.length > MAX_BYTES) {
                        getUI().ifPresent(ui -> ui.access(() -> LadderUi.error(tooLarge())));
                        return;
                    }
                    fileName = metadata.fileName();
                    bytes = data;
                    onReceived.accept(fileName, bytes);
                }) {
                    @Override
                    public long getFileSizeMax() {
                        return MAX_BYTES;
                    }

                    @Override
                    public long getRequestSizeMax() {
                        return MAX_BYTES + 64 * 1024;
                    }

                    @Override
                    public long getFileCountMax() {
                        return 1;
                    }
                };
        upload = new Upload(handler);
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_BYTES);
        upload.setAcceptedFileTypes(".yaml", ".yml", ".csv");
        upload.setDropLabel(
                new com.vaadin.flow.component.html.Span("Drop a .yaml or .csv ladder file here (2 MB at most)"));
        var i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne("Choose file…"));
        i18n.setError(new UploadI18N.Error()
                .setFileIsTooBig(tooLarge())
                .setIncorrectFileType("Choose a .yaml, .yml or .csv file.")
                .setTooManyFiles("Choose one file."));
        upload.setI18n(i18n);
        upload.addFileRejectedListener(e -> LadderUi.error(e.getErrorMessage()));
        upload.addFileRemovedListener(e -> {
            fileName = null;
            bytes = null;
            onReceived.accept(null, null);
        });
        add(upload);
    }

    private static String tooLarge() {
        return "The file is larger than " + MAX_BYTES / 1024 / 1024 + " MB; ladder files may be at most "
                + MAX_BYTES / 1024 / 1024 + " MB.";
    }

    String fileName() {
        return fileName;
    }

    byte[] bytes() {
        return bytes;
    }

    boolean hasFile() {
        return bytes != null;
    }
}
