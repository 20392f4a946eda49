package app.rungs.shared.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where uploads wait until they are saved: one private directory per server process (created readable by its owner
 * only), removed when the process ends. Also counts the bytes all sessions hold there, so that many sessions cannot
 * fill the disk together.
 */
public final class UploadStorage {

    private static final Logger log = LoggerFactory.getLogger(UploadStorage.class);
    private static final AtomicLong reserved = new AtomicLong();
    private static volatile Path directory;

    private UploadStorage() {}

    /** The directory of waiting uploads (created on first use). */
    public static Path directory() {
        var dir = directory;
        if (dir == null) {
            synchronized (UploadStorage.class) {
                dir = directory;
                if (dir == null) {
                    try {
                        dir = Files.createTempDirectory("rungs-uploads-");
                    } catch (IOException e) {
                        throw new UncheckedIOException("Cannot create the directory for uploads", e);
                    }
                    var created = dir;
                    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> deleteAll(created)));
                    directory = dir;
                }
            }
        }
        return dir;
    }

    /** How many files wait in the directory now (for tests and diagnostics). */
    public static long fileCount() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes all sessions hold in waiting uploads now. */
    public static long reservedBytes() {
        return reserved.get();
    }

    static Path newFile() throws IOException {
        return Files.createTempFile(directory(), "upload-", ".part");
    }

    /** Takes bytes from the server-wide allowance; false (and nothing taken) when it would be exceeded. */
    static boolean reserve(long bytes) {
        while (true) {
            long current = reserved.get();
            if (current + bytes > UploadLimit.SERVER_PENDING_MAX_BYTES) {
                return false;
            }
            if (reserved.compareAndSet(current, current + bytes)) {
                return true;
            }
        }
    }

    static void release(long bytes) {
        reserved.addAndGet(-bytes);
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the waiting upload {}", file, e);
        }
    }

    private static void deleteAll(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(UploadStorage::delete);
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // The process is ending; the OS cleans its temp directory eventually.
        }
    }
}
