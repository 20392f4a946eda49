package app.rungs.shared.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.io.InputStreamSource;

/**
 * An upload that waits on disk until it is saved or discarded. Services read it as a stream; {@link #discard()}
 * deletes it and gives its bytes back to the session's allowance (call it once the file is saved, or not wanted).
 */
public final class UploadedFile implements InputStreamSource, Serializable {

    private final String fileName;
    private final String contentType;
    private final long size;
    private final transient Path path;
    private final transient PendingUploads owner;
    private boolean discarded;

    UploadedFile(String fileName, String contentType, long size, Path path, PendingUploads owner) {
        this.fileName = fileName;
        this.contentType = contentType;
        this.size = size;
        this.path = path;
        this.owner = owner;
    }

    public String fileName() {
        return fileName;
    }

    public String contentType() {
        return contentType;
    }

    /** The bytes received, counted while they arrived. */
    public long size() {
        return size;
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (discarded) {
            throw new IOException(fileName + " was discarded");
        }
        return Files.newInputStream(path);
    }

    /** The whole content; only for small files whose parser needs them whole (ladder files, 2 MB at most). */
    public byte[] readAllBytes() throws IOException {
        try (var in = getInputStream()) {
            return in.readAllBytes();
        }
    }

    public synchronized boolean isDiscarded() {
        return discarded;
    }

    /** Deletes the file and frees its bytes; does nothing the second time. */
    public void discard() {
        synchronized (this) {
            if (discarded) {
                return;
            }
            discarded = true;
        }
        UploadStorage.delete(path);
        owner.forget(this);
        owner.release(size);
    }
}
