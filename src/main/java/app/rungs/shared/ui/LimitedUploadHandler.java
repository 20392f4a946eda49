package app.rungs.shared.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way Rungs receives uploads. Before reading a byte it checks the declared size (Content-Length, or the
 * part's size) against the file limit and the session's allowance for unsaved uploads; then it streams the body to a
 * private temporary file while counting, and stops at the limit even when the declared size was absent or false
 * (chunked uploads). Nothing is kept in the heap but a 16 KB buffer.
 *
 * <p>{@code Upload.setMaxFileSize} only stops honest browsers; this is the check that counts. Refusals answer the
 * request with 422 and the reason, and the reason is also shown in the screen through {@code onRefused}.
 */
public final class LimitedUploadHandler implements UploadHandler {

    private static final Logger log = LoggerFactory.getLogger(LimitedUploadHandler.class);
    private static final int BUFFER = 16 * 1024;
    /** Chunked uploads take their allowance in steps of this size as bytes arrive. */
    private static final long RESERVE_STEP = 1024 * 1024;
    /** Multipart headers and boundaries around the one file of a request. */
    private static final long REQUEST_OVERHEAD = 64 * 1024;

    private final UploadLimit limit;
    private final SerializableConsumer<UploadedFile> onReceived;
    private final SerializableConsumer<String> onRefused;

    /**
     * @param onReceived runs in the UI (under its lock) with the waiting file; it owns the file from then on
     * @param onRefused runs in the UI with the reason an upload was refused
     */
    public LimitedUploadHandler(
            UploadLimit limit, SerializableConsumer<UploadedFile> onReceived, SerializableConsumer<String> onRefused) {
        this.limit = limit;
        this.onReceived = onReceived;
        this.onRefused = onRefused;
    }

    public UploadLimit limit() {
        return limit;
    }

    // Vaadin checks these for multipart requests (which the upload component does not send), after the container
    // parsed the parts to disk within spring.servlet.multipart.*; the raw uploads it sends are checked below.
    @Override
    public long getFileSizeMax() {
        return limit.maxFileBytes();
    }

    @Override
    public long getRequestSizeMax() {
        return limit.maxFileBytes() + REQUEST_OVERHEAD;
    }

    @Override
    public long getFileCountMax() {
        return 1;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        var name = displayName(event.getFileName());
        long declared = event.getFileSize();
        var ui = event.getUI();
        if (declared > limit.maxFileBytes()) {
            refuse(event, ui, limit.tooLarge(name, declared), declared);
            return;
        }
        var pending = PendingUploads.of(event.getSession());
        long reserved = Math.max(declared, 0);
        var noRoom = pending.reserve(reserved, name);
        if (noRoom != null) {
            refuse(event, ui, noRoom, declared);
            return;
        }
        Path file = null;
        UploadedFile received = null;
        try {
            file = UploadStorage.newFile();
            long count = 0;
            try (InputStream in = event.getInputStream();
                    OutputStream out = Files.newOutputStream(file)) {
                var buffer = new byte[BUFFER];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    count += n;
                    if (count > limit.maxFileBytes()) {
                        refuse(event, ui, limit.tooLargeWhileReading(name), count);
                        return;
                    }
                    if (count > reserved) {
                        long step = Math.min(Math.max(count - reserved, RESERVE_STEP), limit.maxFileBytes() - reserved);
                        noRoom = pending.reserve(step, name);
                        if (noRoom != null) {
                            refuse(event, ui, noRoom, count);
                            return;
                        }
                        reserved += step;
                    }
                    out.write(buffer, 0, n);
                }
            }
            if (count == 0) {
                refuse(event, ui, name + " is empty.", 0);
                return;
            }
            pending.release(reserved - count);
            reserved = count;
            received = new UploadedFile(name, event.getContentType(), count, file, pending);
            pending.add(received);
        } finally {
            if (received == null) {
                if (file != null) {
                    UploadStorage.delete(file);
                }
                pending.release(reserved);
            }
        }
        var upload = event.getOwningComponent();
        var file0 = received;
        ui.access(() -> {
            // The screen may have closed while the file arrived: then nobody will save it.
            if (upload.isAttached()) {
                onReceived.accept(file0);
            } else {
                file0.discard();
            }
        });
    }

    private void refuse(UploadEvent event, UI ui, String message, long bytes) {
        log.info("Refused an upload of {} ({} bytes declared or read): {}", limit.what(), bytes, message);
        event.reject(message);
        if (ui != null) {
            ui.access(() -> onRefused.accept(message));
        }
    }

    /** The name as shown back: no path, no control characters, not endless. */
    static String displayName(String fileName) {
        var name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty() || name.equals("unknown")) {
            return "The file";
        }
        return name.length() > 120 ? name.substring(0, 117) + "…" : name;
    }
}
